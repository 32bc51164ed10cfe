import { Z_975 } from './normal-distribution.js';
import { type Stat, ratio, undefinedStat } from './stat-result.js';

/** A pair of observations (x, y) and how many items have exactly that pair (a non-negative integer). */
export interface WeightedPair {
  readonly x: number;
  readonly y: number;
  readonly weight: number;
}

export interface CorrelationFields {
  /** Items (sum of weights). */
  readonly n: number;
  /** Bounds of the Fisher z interval; null with fewer than 4 items or |r| = 1. */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

export type Correlation = Stat<CorrelationFields>;

function checkedPairs(pairs: readonly WeightedPair[]): number {
  let n = 0;
  for (const [i, { x, y, weight }] of pairs.entries()) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`pair ${i}: (${x}, ${y}) is not a pair of finite numbers`);
    if (!Number.isInteger(weight) || weight < 0) throw new RangeError(`pair ${i}: weight ${weight} is not a non-negative integer`);
    n += weight;
  }
  return n;
}

/** Pearson's r of weighted pairs (centred sums, so large means do not cancel digits). */
function pearsonValue(pairs: readonly WeightedPair[], n: number): number | null {
  let mx = 0;
  let my = 0;
  for (const p of pairs) {
    mx += p.weight * p.x;
    my += p.weight * p.y;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const p of pairs) {
    const dx = p.x - mx;
    const dy = p.y - my;
    sxy += p.weight * dx * dy;
    sxx += p.weight * dx * dx;
    syy += p.weight * dy * dy;
  }
  const r = ratio(sxy, Math.sqrt(sxx * syy));
  return r === null ? null : Math.max(-1, Math.min(1, r));
}

/** Mid-ranks (1-based, ties get the mean of the ranks they span) of each pair's value, weights counting as items. */
function midRanks(pairs: readonly WeightedPair[], value: (p: WeightedPair) => number): Map<number, number> {
  const totals = new Map<number, number>();
  for (const p of pairs) totals.set(value(p), (totals.get(value(p)) ?? 0) + p.weight);
  const ranks = new Map<number, number>();
  let below = 0;
  for (const v of [...totals.keys()].sort((a, b) => a - b)) {
    const count = totals.get(v)!;
    ranks.set(v, below + (count + 1) / 2);
    below += count;
  }
  return ranks;
}

/**
 * The Fisher z interval of a correlation r over n items: tanh(atanh r ∓ z₀.₉₇₅·√(factor/(n − 3))). factor is 1 for
 * Pearson and 1.06 for Spearman (Fieller, Hartley & Pearson 1957).
 */
export function fisherInterval(r: number, n: number, factor = 1): { ciLow: number | null; ciHigh: number | null } {
  if (n < 4 || Math.abs(r) >= 1) return { ciLow: null, ciHigh: null };
  const z = Math.atanh(r);
  const half = Z_975 * Math.sqrt(factor / (n - 3));
  return { ciLow: Math.tanh(z - half), ciHigh: Math.tanh(z + half) };
}

function correlation(pairs: readonly WeightedPair[], r: (n: number) => number | null, factor: number): Correlation {
  const n = checkedPairs(pairs);
  if (n < 2) return undefinedStat(`a correlation needs at least 2 items, there ${n === 1 ? 'is 1' : `are ${n}`}`);
  const value = r(n);
  if (value === null) return undefinedStat('one of the two variables is constant over the items, so r is 0/0');
  return { value, n, ...fisherInterval(value, n, factor) };
}

/** Pearson's product-moment r with its 95% Fisher z interval. */
export function pearsonCorrelation(pairs: readonly WeightedPair[]): Correlation {
  return correlation(pairs, (n) => pearsonValue(pairs, n), 1);
}

/**
 * Spearman's ρ: Pearson's r of the mid-ranks (as scipy.stats.spearmanr, ties included), with the 95% Fisher z
 * interval using Fieller's variance 1.06/(n − 3).
 */
export function spearmanCorrelation(pairs: readonly WeightedPair[]): Correlation {
  return correlation(
    pairs,
    (n) => {
      const rx = midRanks(pairs, (p) => p.x);
      const ry = midRanks(pairs, (p) => p.y);
      return pearsonValue(
        pairs.map((p) => ({ x: rx.get(p.x)!, y: ry.get(p.y)!, weight: p.weight })),
        n,
      );
    },
    1.06,
  );
}
