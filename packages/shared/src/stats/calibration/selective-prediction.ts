import { type ScoredItem, confidences } from './scored-item.js';

export interface SelectiveAtThreshold {
  readonly threshold: number;
  /** Share of faces with conf ≥ threshold (null with no faces). */
  readonly coverage: number | null;
  /** Accuracy among those faces; null when none is kept. */
  readonly accuracy: number | null;
  /** Faces kept. */
  readonly n: number;
}

export interface RiskCoveragePoint {
  /** j/N: the share of faces kept, the j most confident. */
  readonly coverage: number;
  /** Error rate among them. */
  readonly risk: number;
  /** conf of the j-th most confident face: the threshold that keeps them (ties aside). */
  readonly threshold: number;
}

/** Face indices by conf descending; ties keep input order (Array.prototype.sort is stable). */
function byConfidence(conf: Float64Array): number[] {
  return Array.from(conf.keys()).sort((a, b) => conf[b]! - conf[a]!);
}

/** Cumulative errors among the j most confident faces, j = 1…N, with the conf of the j-th. */
function cumulativeErrors(items: readonly ScoredItem[]): { errors: Float64Array; conf: Float64Array } {
  const { conf, correct } = confidences(items);
  const order = byConfidence(conf);
  const errors = new Float64Array(order.length);
  const sortedConf = new Float64Array(order.length);
  let wrong = 0;
  order.forEach((i, j) => {
    wrong += 1 - correct[i]!;
    errors[j] = wrong;
    sortedConf[j] = conf[i]!;
  });
  return { errors, conf: sortedConf };
}

/** AURC: the mean over j = 1…N of the error rate among the j most confident faces; null with no faces. */
export function aurc(items: readonly ScoredItem[]): number | null {
  if (items.length === 0) return null;
  const { errors } = cumulativeErrors(items);
  return errors.reduce((a, e, j) => a + e / (j + 1), 0) / items.length;
}

/**
 * The risk–coverage curve at `points` evenly spaced coverages (j = ⌈N·i/points⌉, i = 1…points, duplicates
 * dropped): enough to draw, a few rows however many faces there are.
 */
export function riskCoverageCurve(items: readonly ScoredItem[], points = 50): RiskCoveragePoint[] {
  if (!Number.isInteger(points) || points < 1) throw new RangeError(`points must be a positive integer, got ${points}`);
  const { errors, conf } = cumulativeErrors(items);
  const n = items.length;
  const curve: RiskCoveragePoint[] = [];
  let last = 0;
  for (let i = 1; i <= points; i++) {
    const j = Math.ceil((n * i) / points);
    if (j === last || j === 0) continue;
    last = j;
    curve.push({ coverage: j / n, risk: errors[j - 1]! / j, threshold: conf[j - 1]! });
  }
  return curve;
}

/** Coverage and selective accuracy at τ: the faces with conf ≥ τ. */
export function selectiveAtThreshold(items: readonly ScoredItem[], threshold: number): SelectiveAtThreshold {
  if (!Number.isFinite(threshold)) throw new RangeError(`threshold must be a number, got ${threshold}`);
  const { conf, correct } = confidences(items);
  let kept = 0;
  let right = 0;
  conf.forEach((c, i) => {
    if (c >= threshold) {
      kept++;
      right += correct[i]!;
    }
  });
  return { threshold, coverage: items.length === 0 ? null : kept / items.length, accuracy: kept === 0 ? null : right / kept, n: kept };
}
