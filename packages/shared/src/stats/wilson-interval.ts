import { Z_975 } from './normal-distribution.js';

/**
 * The 95% Wilson score interval of a proportion: `successes` of `n` (scipy binomtest(...).proportion_ci(method =
 * 'wilson')). Unlike p ∓ z·SE it stays inside [0, 1] and is not empty at 0 or n successes. Null bounds for n = 0.
 */
export function wilsonInterval(successes: number, n: number): { ciLow: number | null; ciHigh: number | null } {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n)
    throw new RangeError(`${successes} successes of ${n} is not a possible count (0 ≤ successes ≤ n, integers)`);
  if (n === 0) return { ciLow: null, ciHigh: null };
  const p = successes / n;
  const z2 = Z_975 * Z_975;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z_975 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { ciLow: Math.max(0, centre - half), ciHigh: Math.min(1, centre + half) };
}
