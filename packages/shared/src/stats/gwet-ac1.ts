import type { ItemCounts } from './count-table.js';
import { rowPatterns } from './row-patterns.js';
import { type Stat, sqrtVariance, undefinedStat } from './stat-result.js';

export interface GwetOptions {
  /** q: the declared categories (default) or only those observed anywhere in the data. */
  readonly categories?: 'declared' | 'observed';
}

export type GwetAc1 = Stat<{
  /** Standard error (Gwet 2008 variance as irrCAC `gwet.ac1.raw`, N = ∞); null with fewer than 2 items. */
  readonly se: number | null;
  readonly pa: number;
  readonly pe: number;
  readonly q: number;
  /** π_k per declared category. */
  readonly categoryProportions: readonly number[];
  /** Items with at least 1 rating (n) and with at least 2 (n₂). */
  readonly items: number;
  readonly itemsWithPairs: number;
}>;

/**
 * Gwet's AC1 for many raters with missing ratings (Gwet 2008; missing-data form of Gwet 2014), with the formulas
 * of the fixtures' README: p_a over items with ≥ 2 ratings, π_k over items with ≥ 1. Stable when one class
 * dominates (as "happiness" does), unlike κ. It depends on q, so say which set of categories was used.
 */
export function gwetAc1(table: ItemCounts, options: GwetOptions = {}): GwetAc1 {
  const patterns = rowPatterns(table).filter((p) => p.total >= 1);
  const nq = table.categories.length;
  let n = 0;
  let n2 = 0;
  let paSum = 0;
  const pi = new Array<number>(nq).fill(0);
  const itemAgreement = (counts: ArrayLike<number>, r: number) => {
    if (r < 2) return 0;
    let pairs = 0;
    for (let k = 0; k < nq; k++) pairs += counts[k]! * (counts[k]! - 1);
    return pairs / (r * (r - 1));
  };
  for (const { counts, total: r, weight: w } of patterns) {
    n += w;
    if (r >= 2) {
      n2 += w;
      paSum += w * itemAgreement(counts, r);
    }
    for (let k = 0; k < nq; k++) pi[k]! += (w * counts[k]!) / r;
  }
  const point = ac1Point(n, n2, paSum, pi, options);
  if ('reason' in point) return undefinedStat(point.reason);
  const { q, pa, pe, ac1 } = point;

  // Linearised per-item contributions, as irrCAC computes its variance.
  let squares = 0;
  for (const { counts, total: r, weight: w } of patterns) {
    const ac1i = ((n / n2) * (itemAgreement(counts, r) - (r >= 2 ? pe : 0))) / (1 - pe);
    let chance = 0;
    for (let k = 0; k < nq; k++) chance += counts[k]! * (1 - pi[k]!);
    const pei = chance / (r * (q - 1));
    const star = ac1i - (2 * (1 - ac1) * (pei - pe)) / (1 - pe);
    squares += w * (star - ac1) ** 2;
  }
  const se = n < 2 ? null : sqrtVariance(squares / (n * (n - 1)));
  return { value: ac1, se, pa, pe, q, categoryProportions: pi, items: n, itemsWithPairs: n2 };
}

/**
 * AC1's point estimate from its sums: n rated items, n2 with pairs, Σ w·p_a,i over those, and Σ w·x_ik/r_i per
 * category (divided by n here, in place). The pattern bootstrap accumulates these itself.
 */
export function ac1Point(
  n: number,
  n2: number,
  paSum: number,
  pi: number[],
  options: GwetOptions = {},
): { q: number; pa: number; pe: number; ac1: number } | { reason: string } {
  if (n === 0) return { reason: 'no item has a rating' };
  if (n2 === 0) return { reason: 'no item has 2 or more ratings, so observed agreement is undefined' };
  const nq = pi.length;
  for (let k = 0; k < nq; k++) pi[k]! /= n;
  const q = options.categories === 'observed' ? pi.filter((p) => p > 0).length : nq;
  if (q < 2) return { reason: `q = ${q} categories: chance agreement Σπ(1−π)/(q−1) is 0/0` };
  const pa = paSum / n2;
  const pe = pi.reduce((a, p) => a + p * (1 - p), 0) / (q - 1);
  return { q, pa, pe, ac1: (pa - pe) / (1 - pe) };
}
