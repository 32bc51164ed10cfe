import type pg from 'pg';
import { type DatasetKappa, confusionCounts, datasetKappa, goldEmotions, modelsPredictedOn, pgRows } from '@ferbench/scores';
import { type Emotion, classificationMetrics, commonEmotions } from '@ferbench/shared';
import type { ExportSelection } from './export-selection.js';

/** One leaderboard entry, scored as the API's leaderboard scores it (same SQL, same label set, same order). */
export interface LeaderboardFigure {
  datasetId: string;
  datasetSha256: string;
  modelId: string;
  modelSha256: string;
  n: number;
  accuracy: number | null;
  macroF1: number | null;
  /** Gold labels ∩ the labels the model can emit. */
  labelSet: Emotion[];
}

export interface AgreementFigure extends DatasetKappa {
  datasetSha256: string;
}

export interface ResultFigures {
  leaderboard: LeaderboardFigure[];
  /** Fleiss' κ of the chosen models that predicted each dataset (where at least two did). */
  agreement: AgreementFigure[];
}

const byAccuracyThenId = (a: LeaderboardFigure, b: LeaderboardFigure): number => (b.accuracy ?? -Infinity) - (a.accuracy ?? -Infinity) || a.modelId.localeCompare(b.modelId);

/** The leaderboard and agreement figures of a selection, from the stored predictions (Postgres counts, shared applies the formulas). */
export async function resultFigures(pool: pg.Pool, selection: ExportSelection, bootstrap: { resamples: number; seed: number }): Promise<ResultFigures> {
  const rows = pgRows(pool);
  const leaderboard: LeaderboardFigure[] = [];
  const agreement: AgreementFigure[] = [];
  for (const dataset of selection.datasets) {
    const predicted = new Set(await modelsPredictedOn(rows, dataset.id));
    const models = selection.models.filter((m) => predicted.has(m.id));
    const gold = await goldEmotions(rows, dataset.id);
    const entries: LeaderboardFigure[] = [];
    for (const model of models) {
      const labelSet = commonEmotions([gold, model.emotions]);
      const metrics = classificationMetrics(await confusionCounts(rows, dataset.id, model.id, labelSet));
      entries.push({
        datasetId: dataset.id,
        datasetSha256: dataset.contentSha256,
        modelId: model.id,
        modelSha256: model.sha256,
        n: metrics.n,
        accuracy: metrics.accuracy.value,
        macroF1: metrics.macroF1.value,
        labelSet,
      });
    }
    leaderboard.push(...entries.sort(byAccuracyThenId));
    if (models.length >= 2)
      agreement.push({ ...(await datasetKappa(rows, dataset.id, models.map((m) => m.id), bootstrap)), datasetSha256: dataset.contentSha256 });
  }
  return { leaderboard, agreement };
}
