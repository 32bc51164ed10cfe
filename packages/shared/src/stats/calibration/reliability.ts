import { type ScoredItem, confidences } from './scored-item.js';

export interface ReliabilityBin {
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
  /** Mean conf of the bin's faces; null when the bin is empty. */
  readonly confidence: number | null;
  /** Share of the bin's faces predicted right; null when the bin is empty. */
  readonly accuracy: number | null;
}

/**
 * The bin of a confidence: bin m of M (1-based) holds conf in ((m−1)/M, m/M], the first also 0. Boundaries are
 * the doubles m/M, so a conf equal to one of them (as a double) falls in the lower bin.
 */
export function binOf(conf: number, bins: number): number {
  let m = Math.min(bins, Math.max(1, Math.ceil(conf * bins)));
  // ceil(conf·M) can be off by one where conf·M rounds across an integer.
  while (m > 1 && conf <= (m - 1) / bins) m--;
  while (m < bins && conf > m / bins) m++;
  return m;
}

/** The reliability diagram: every bin, empty ones included, in order. */
export function reliabilityBins(items: readonly ScoredItem[], bins: number): ReliabilityBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const { conf, correct } = confidences(items);
  const n = new Array<number>(bins).fill(0);
  const confSum = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  conf.forEach((c, i) => {
    const m = binOf(c, bins) - 1;
    n[m]!++;
    confSum[m]! += c;
    right[m]! += correct[i]!;
  });
  return n.map((count, m) => ({
    lower: m / bins,
    upper: (m + 1) / bins,
    n: count,
    confidence: count === 0 ? null : confSum[m]! / count,
    accuracy: count === 0 ? null : right[m]! / count,
  }));
}

/** ECE = Σ_m (n_m/N)·|acc_m − conf_m| and MCE = the largest |acc_m − conf_m| over non-empty bins; null with no faces. */
export function calibrationErrors(bins: readonly ReliabilityBin[]): { readonly ece: number | null; readonly mce: number | null } {
  const total = bins.reduce((a, b) => a + b.n, 0);
  if (total === 0) return { ece: null, mce: null };
  let ece = 0;
  let mce = 0;
  for (const b of bins) {
    if (b.n === 0) continue;
    const gap = Math.abs(b.accuracy! - b.confidence!);
    ece += (b.n / total) * gap;
    mce = Math.max(mce, gap);
  }
  return { ece, mce };
}
