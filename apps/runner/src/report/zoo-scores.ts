import { preprocessingSummary, type ZooManifest } from '@ferbench/models';
import { confusionCounts, goldEmotions, datasetContentSha256, type SqlRows } from '@ferbench/scores';
import { type Emotion, classificationMetrics, commonEmotions, emittableEmotions, validateModelCard } from '@ferbench/shared';

export interface DatasetFacts {
  id: string;
  images: number;
  /** datasetContentSha256: the same hash the API reports as dataSha256. */
  contentSha256: string;
}

/** One model on one dataset, scored as the API's leaderboard scores it (same SQL, same label set). */
export interface ModelScore {
  n: number;
  accuracy: number | null;
  macroF1: number | null;
  /** Gold labels ∩ the labels the model can emit. */
  labelSet: Emotion[];
}

export interface ZooScoreRow {
  id: string;
  name: string;
  sha256: string;
  trainingData: string;
  preprocessing: string;
  /** By dataset id; absent where the model has no predictions on the dataset. */
  scores: Record<string, ModelScore>;
}

export interface ZooScores {
  datasets: DatasetFacts[];
  models: ZooScoreRow[];
}

/**
 * Accuracy and macro-F1 of every registered zoo model (manifest order) on each dataset, from the stored
 * predictions; the preprocessing is the registered card's.
 */
export async function zooScores(rows: SqlRows, manifest: ZooManifest, datasetIds: readonly string[]): Promise<ZooScores> {
  const ids = manifest.models.map((m) => m.card.id);
  const registered = await rows<{ id: string; sha256: string; card: unknown }>('SELECT id, sha256, card FROM models WHERE id = ANY($1)', [ids]);
  const byId = new Map(registered.map((r) => [r.id, { sha256: r.sha256, card: validateModelCard(r.card, `models.card of ${r.id}`) }]));
  const datasets: DatasetFacts[] = [];
  const gold = new Map<string, Emotion[]>();
  for (const id of datasetIds) {
    const [{ n }] = (await rows<{ n: number }>('SELECT count(*)::int AS n FROM images WHERE dataset_id = $1', [id])) as [{ n: number }];
    datasets.push({ id, images: n, contentSha256: await datasetContentSha256(rows, id) });
    gold.set(id, await goldEmotions(rows, id));
  }
  const predicted = await rows<{ model_id: string; dataset_id: string }>(
    `SELECT DISTINCT p.model_id, i.dataset_id FROM predictions p JOIN images i ON i.id = p.image_id WHERE p.model_id = ANY($1) AND i.dataset_id = ANY($2)`,
    [ids, datasetIds],
  );
  const models: ZooScoreRow[] = [];
  for (const id of ids) {
    const model = byId.get(id);
    if (model === undefined) continue;
    const emits = emittableEmotions({ labels: model.card.output.labels, map: model.card.output.labelMap });
    const scores: Record<string, ModelScore> = {};
    for (const datasetId of datasetIds) {
      if (!predicted.some((p) => p.model_id === id && p.dataset_id === datasetId)) continue;
      const labelSet = commonEmotions([gold.get(datasetId)!, emits]);
      const metrics = classificationMetrics(await confusionCounts(rows, datasetId, id, labelSet));
      scores[datasetId] = { n: metrics.n, accuracy: metrics.accuracy.value, macroF1: metrics.macroF1.value, labelSet };
    }
    models.push({ id, name: model.card.name, sha256: model.sha256, trainingData: model.card.trainingData, preprocessing: preprocessingSummary(model.card.input), scores });
  }
  return { datasets, models };
}
