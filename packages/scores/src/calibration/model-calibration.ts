import {
  type CalibrationReport,
  type Emotion,
  type RiskCoveragePoint,
  type ScoredItem,
  brierScore,
  calibrationReport,
  emotionIndex,
  fitTemperature,
  negativeLogLikelihood,
  reliabilityBins,
  calibrationErrors,
  riskCoverageCurve,
  temperatureScaled,
} from '@ferbench/shared';
import type { SqlRows } from '../sql-rows.js';

/**
 * Temperature scaling needs two disjoint sets of faces, and the datasets here have one split each (their test
 * split), so the faces are halved by content: fitted on the faces whose image sha256 begins with 0–7, reported on
 * those beginning with 8–f. Deterministic, and the same halves for every model.
 */
export const TEMPERATURE_SPLIT = { fit: 'sha256 0–7', report: 'sha256 8–f' } as const;

export interface TemperatureScaling {
  /** null when either half has no faces. */
  temperature: number | null;
  fitSplit: string;
  reportSplit: string;
  nFit: number;
  nReport: number;
  /** On the report half: before (T = 1) and after scaling. */
  before: { ece: number | null; nll: number | null; brier: number | null };
  after: { ece: number | null; nll: number | null; brier: number | null };
}

export interface ModelCalibration extends CalibrationReport {
  /** The classes the probabilities are over: the canonical emotions the model can emit, in canonical order. */
  classes: Emotion[];
  riskCoverage: RiskCoveragePoint[];
  temperature: TemperatureScaling;
}

/**
 * A model's stored probability vectors over the emotions it can emit, with each face's gold label, for the faces
 * of the dataset whose gold label the model can emit (the leaderboard's rule). Probabilities are used as stored.
 */
export async function scoredPredictions(rows: SqlRows, datasetId: string, modelId: string, classes: readonly Emotion[]): Promise<{ items: ScoredItem[]; fitHalf: boolean[] }> {
  const indices = classes.map(emotionIndex);
  const found = await rows<{ gold: number; probs: (number | null)[]; fit: boolean }>(
    `SELECT i.gold_label AS gold, p.probs, left(i.sha256, 1) < '8' AS fit
       FROM predictions p JOIN images i ON i.id = p.image_id
      WHERE i.dataset_id = $1 AND p.model_id = $2 AND i.gold_label = ANY($3::smallint[])
      ORDER BY i.id`,
    [datasetId, modelId, indices],
  );
  return {
    items: found.map((r) => ({ p: indices.map((k) => r.probs[k] ?? 0), gold: indices.indexOf(r.gold) })),
    fitHalf: found.map((r) => r.fit),
  };
}

function scores(items: readonly ScoredItem[], bins: number) {
  return { ece: calibrationErrors(reliabilityBins(items, bins)).ece, nll: negativeLogLikelihood(items), brier: brierScore(items) };
}

/** Calibration, selective prediction and temperature scaling of one model on one dataset. */
export async function modelCalibration(
  rows: SqlRows,
  datasetId: string,
  modelId: string,
  classes: readonly Emotion[],
  options: { bins: number; threshold: number; curvePoints?: number },
): Promise<ModelCalibration> {
  const { items, fitHalf } = await scoredPredictions(rows, datasetId, modelId, classes);
  const fit = items.filter((_, i) => fitHalf[i]);
  const report = items.filter((_, i) => !fitHalf[i]);
  const temperature = fit.length > 0 && report.length > 0 ? fitTemperature(fit) : null;
  const scaled = temperature === null ? [] : report.map(({ p, gold }) => ({ p: temperatureScaled(p, temperature), gold }));
  const none = { ece: null, nll: null, brier: null };
  return {
    ...calibrationReport(items, options),
    classes: [...classes],
    riskCoverage: riskCoverageCurve(items, options.curvePoints ?? 50),
    temperature: {
      temperature,
      fitSplit: TEMPERATURE_SPLIT.fit,
      reportSplit: TEMPERATURE_SPLIT.report,
      nFit: fit.length,
      nReport: report.length,
      before: report.length > 0 ? scores(report, options.bins) : none,
      after: temperature === null ? none : scores(scaled, options.bins),
    },
  };
}
