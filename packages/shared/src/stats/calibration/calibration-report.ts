import { brierScore, negativeLogLikelihood } from './proper-scores.js';
import { type ReliabilityBin, calibrationErrors, reliabilityBins } from './reliability.js';
import { type ScoredItem, confidences } from './scored-item.js';
import { type SelectiveAtThreshold, aurc, selectiveAtThreshold } from './selective-prediction.js';

export const DEFAULT_CALIBRATION_BINS = 15;
/** The study's example: below confidence 0.7, fall back to asking people. */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.7;

/** Everything `ferbench calibration --json` prints and the API serves per model and dataset. */
export interface CalibrationReport {
  readonly n: number;
  readonly accuracy: number | null;
  readonly ece: number | null;
  readonly mce: number | null;
  readonly brier: number | null;
  readonly nll: number | null;
  readonly aurc: number | null;
  readonly selective: Omit<SelectiveAtThreshold, 'n'>;
  readonly reliability: ReliabilityBin[];
}

export function calibrationReport(items: readonly ScoredItem[], options: { readonly bins?: number; readonly threshold?: number } = {}): CalibrationReport {
  const reliability = reliabilityBins(items, options.bins ?? DEFAULT_CALIBRATION_BINS);
  const { correct } = confidences(items);
  const { threshold, coverage, accuracy } = selectiveAtThreshold(items, options.threshold ?? DEFAULT_CONFIDENCE_THRESHOLD);
  return {
    n: items.length,
    accuracy: items.length === 0 ? null : correct.reduce((a, c) => a + c, 0) / items.length,
    ...calibrationErrors(reliability),
    brier: brierScore(items),
    nll: negativeLogLikelihood(items),
    aurc: aurc(items),
    selective: { threshold, coverage, accuracy },
    reliability,
  };
}
