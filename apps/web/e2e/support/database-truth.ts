import { EMOTIONS, emotionAt } from '@ferbench/shared';
import pg from 'pg';

/**
 * What the database rows say, computed here in SQL straight from the runner's tables: the values the
 * dashboard must end up showing after the API has done its part.
 */
export interface ModelScore {
  modelId: string;
  n: number;
  accuracy: number;
}

export interface Vote {
  modelId: string;
  label: (typeof EMOTIONS)[number];
  probability: number;
}

export interface Face {
  id: string;
  key: string;
  goldLabel: (typeof EMOTIONS)[number] | null;
  votes: Vote[];
}

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Accuracy of each model over the faces that have a gold label and its prediction. */
export async function modelScores(client: pg.Client, datasetId: string): Promise<ModelScore[]> {
  const { rows } = await client.query<ModelScore>(
    `SELECT p.model_id AS "modelId", count(*)::int AS n, avg((p.label = i.gold_label)::int)::float8 AS accuracy
       FROM predictions p JOIN images i ON i.id = p.image_id
      WHERE i.dataset_id = $1 AND i.gold_label IS NOT NULL
      GROUP BY p.model_id ORDER BY p.model_id`,
    [datasetId],
  );
  return rows;
}

/** Faces every one of the models has a prediction for. */
export async function facesRatedByAll(client: pg.Client, datasetId: string, modelCount: number): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT p.image_id FROM predictions p JOIN images i ON i.id = p.image_id
        WHERE i.dataset_id = $1 GROUP BY p.image_id HAVING count(*) = $2) AS rated`,
    [datasetId, modelCount],
  );
  return rows[0]?.n ?? 0;
}

export interface FaceCounts {
  /** Faces with at least one prediction, with two or more, with one from every model. */
  rated: number;
  paired: number;
  complete: number;
  /** Complete faces on which every model gave the same label. */
  allAgree: number;
}

/** How many faces each agreement statistic can use, counted from the predictions. */
export async function faceCounts(client: pg.Client, datasetId: string, modelCount: number): Promise<FaceCounts> {
  const { rows } = await client.query<FaceCounts>(
    `SELECT count(*)::int AS rated, (count(*) FILTER (WHERE n >= 2))::int AS paired, (count(*) FILTER (WHERE n = $2))::int AS complete,
            (count(*) FILTER (WHERE n = $2 AND labels = 1))::int AS "allAgree"
       FROM (SELECT p.image_id, count(*) AS n, count(DISTINCT p.label) AS labels
               FROM predictions p JOIN images i ON i.id = p.image_id WHERE i.dataset_id = $1 GROUP BY p.image_id) AS faces`,
    [datasetId, modelCount],
  );
  return rows[0]!;
}

/**
 * The first face on which the models disagree (the interesting kind), else the first face they all rated,
 * with every model's vote and the probability it gave that vote.
 */
export async function faceWithVotes(client: pg.Client, datasetId: string, modelCount: number): Promise<Face> {
  const { rows: faces } = await client.query<{ id: string; key: string; gold_label: number | null }>(
    `SELECT i.id::text AS id, i.key, i.gold_label
       FROM images i JOIN predictions p ON p.image_id = i.id
      WHERE i.dataset_id = $1
      GROUP BY i.id HAVING count(*) = $2
      ORDER BY count(DISTINCT p.label) > 1 DESC, i.id LIMIT 1`,
    [datasetId, modelCount],
  );
  const face = faces[0];
  if (!face) throw new Error(`no face of ${datasetId} has a prediction from all ${modelCount} models`);
  const { rows: votes } = await client.query<{ model_id: string; label: number; probability: number }>(
    `SELECT model_id, label, probs[label + 1]::float8 AS probability FROM predictions WHERE image_id = $1 ORDER BY model_id`,
    [face.id],
  );
  return {
    id: face.id,
    key: face.key,
    goldLabel: face.gold_label === null ? null : emotionAt(face.gold_label),
    votes: votes.map((v) => ({ modelId: v.model_id, label: emotionAt(v.label), probability: v.probability })),
  };
}
