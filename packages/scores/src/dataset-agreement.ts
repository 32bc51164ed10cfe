import { type Emotion, tableAgreement } from '@ferbench/shared';
import { modelLabelSet } from './model-label-set.js';
import { summarizedPatterns } from './pattern-summary.sql.js';
import { IS_ENSEMBLE_SQL } from './ensembles/ensembles.js';
import type { SqlRows } from './sql-rows.js';

/** Fleiss' κ of some models on one dataset, over the faces every one of them predicted, as the API computes it. */
export interface DatasetKappa {
  datasetId: string;
  models: string[];
  /** The labels every model can emit (predictions outside it are restricted to it, as in the API). */
  labelSet: Emotion[];
  nFaces: number;
  nRaters: number;
  kappa: number | null;
  /** Why κ is undefined, when it is. */
  reason: string | null;
  se: number | null;
  ci: { low: number | null; high: number | null; level: number; resamples: number; seed: number };
}

/**
 * Registered models with predictions on the dataset, in id order: the API's default raters. Ensembles are left
 * out unless asked for: they would count their members' votes twice in "κ among models".
 */
export async function modelsPredictedOn(rows: SqlRows, datasetId: string, options: { ensembles?: boolean } = {}): Promise<string[]> {
  const found = await rows<{ id: string }>(
    `SELECT m.id FROM models m WHERE EXISTS (SELECT 1 FROM predictions p JOIN images i ON i.id = p.image_id WHERE p.model_id = m.id AND i.dataset_id = $1)
        AND ($2 OR NOT ${IS_ENSEMBLE_SQL}) ORDER BY m.id`,
    [datasetId, options.ensembles === true],
  );
  return found.map((r) => r.id);
}

/** Counts in SQL (summarizedPatterns, shared with the API), then applies shared/stats with a seeded pattern bootstrap. */
export async function datasetKappa(rows: SqlRows, datasetId: string, modelIds: readonly string[], bootstrap: { resamples: number; seed: number }): Promise<DatasetKappa> {
  const found = await modelLabelSet(rows, modelIds);
  const labelSet = found.labelSet;
  const models = found.models.map((m) => m.id);
  const table = await summarizedPatterns(rows, datasetId, models, labelSet);
  const level = 0.95;
  const stats = tableAgreement(table, models.length, bootstrap.resamples > 0 ? { bootstrap: { ...bootstrap, level } } : {});
  const f = stats.fleissKappa;
  const ci = stats.bootstrap?.fleissKappa;
  return {
    datasetId,
    models,
    labelSet,
    nFaces: stats.itemTally.complete,
    nRaters: models.length,
    kappa: f.value,
    reason: f.value === null ? f.reason : null,
    se: f.value === null ? null : f.se,
    ci: { low: ci?.low ?? null, high: ci?.high ?? null, level, ...bootstrap },
  };
}
