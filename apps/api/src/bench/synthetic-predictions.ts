import type pg from 'pg';
import { FER_LABELS, FER_MAP, fixtureCard } from '../testing/small-benchmark.fixture.js';

export interface SyntheticBenchmark {
  datasetId: string;
  modelIds: string[];
  faces: number;
  predictionRows: number;
  /** Seconds of the predictions INSERT … SELECT alone, and of rebuilding its two indexes after it. */
  insertSeconds: number;
  indexSeconds: number;
}

/** Share of (face, model) pairs left without a prediction, so some faces are incomplete as in real runs. */
const MISSING_PER_MILLE = 5;

/**
 * `faces` faces rated by `raters` 7-class models, generated inside Postgres (generate_series, no rows through
 * Node) from a seeded hash, so every run writes the same rows. Each face has a true label (happiness 40 %,
 * neutral 25 %, the other five 7 % each); model m gives it with probability 0.55 + 0.03·m, else a uniform label.
 * The predictions table is made UNLOGGED, its foreign-key triggers are skipped and its indexes rebuilt after the
 * load: a throwaway database, loaded as fast as Postgres allows.
 */
export async function insertSyntheticBenchmark(client: pg.Client, options: { faces: number; raters: number; seed: number }): Promise<SyntheticBenchmark> {
  const { faces, raters, seed } = options;
  const datasetId = 'synthetic';
  const modelIds = Array.from({ length: raters }, (_, m) => `synthetic-${String(m).padStart(2, '0')}`);
  await client.query(`INSERT INTO datasets (id, name, format, root, label_map) VALUES ($1, 'Synthetic', 'synthetic', 'synthetic', '{}')`, [datasetId]);
  for (const id of modelIds) {
    const card = { ...fixtureCard(id, FER_LABELS, FER_MAP), name: id };
    await client.query(`INSERT INTO models (id, name, version, sha256, card) VALUES ($1, $1, '1', $2, $3)`, [id, card.sha256, card]);
  }
  await client.query(
    `INSERT INTO runs (model_id, dataset_id, status, device, execution_provider, ort_version, batch_size)
     SELECT unnest($1::text[]), $2, 'done', 'cpu', 'cpu', 'synthetic', 1`,
    [modelIds, datasetId],
  );
  await client.query(
    `INSERT INTO images (dataset_id, key, path, sha256, bytes, width, height, split, gold_label)
     SELECT $1, 'face_' || g, 'faces/' || g || '.png', lpad(to_hex(g), 64, '0'), 1, 48, 48, 'test',
            (CASE WHEN h < 40 THEN 1 WHEN h < 65 THEN 0 ELSE 2 + h % 5 END)::smallint
       FROM generate_series(1, $2::int) g, LATERAL (SELECT abs(hashint8extended(g, $3)) % 100 AS h) x`,
    [datasetId, faces, seed],
  );

  await client.query(`ALTER TABLE predictions SET UNLOGGED`);
  await client.query(`ALTER TABLE predictions DROP CONSTRAINT predictions_pkey`);
  await client.query(`DROP INDEX predictions_image`);
  await client.query(`SET session_replication_role = replica`);
  const started = performance.now();
  const { rowCount } = await client.query(
    `WITH raters AS (SELECT model_id, ordinality - 1 AS m FROM unnest($2::text[]) WITH ORDINALITY AS r(model_id, ordinality)),
          answers AS (SELECT k::smallint AS label,
                             ARRAY(SELECT CASE WHEN j = 7 THEN NULL WHEN j = k THEN 0.7 ELSE 0.05 END::real FROM generate_series(0, 7) j) AS probs
                        FROM generate_series(0, 6) k)
     INSERT INTO predictions (model_id, image_id, run_id, label, probs, raw)
     SELECT run.model_id, i.id, run.id, a.label, a.probs, a.probs[1:7]
       FROM runs run
       JOIN raters r ON r.model_id = run.model_id
       JOIN images i ON i.dataset_id = run.dataset_id
       CROSS JOIN LATERAL (SELECT i.id * 64 + r.m AS key) k
       JOIN answers a ON a.label = CASE WHEN abs(hashint8extended(k.key, $3 + 1)) % 10000 < 5500 + 300 * r.m THEN i.gold_label
                                        ELSE abs(hashint8extended(k.key, $3 + 2)) % 7 END
      WHERE run.dataset_id = $1 AND abs(hashint8extended(k.key, $3 + 3)) % 1000 >= ${MISSING_PER_MILLE}`,
    [datasetId, modelIds, seed],
  );
  const insertSeconds = (performance.now() - started) / 1000;
  await client.query(`SET session_replication_role = origin`);
  const indexStarted = performance.now();
  await client.query(`ALTER TABLE predictions ADD CONSTRAINT predictions_pkey PRIMARY KEY (model_id, image_id)`);
  await client.query(`CREATE INDEX predictions_image ON predictions (image_id)`);
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  await client.query(`ANALYZE`);
  return { datasetId, modelIds, faces, predictionRows: rowCount ?? 0, insertSeconds, indexSeconds };
}
