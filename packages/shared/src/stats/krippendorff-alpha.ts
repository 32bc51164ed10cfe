import { type ItemCounts, checkedCountRows } from './count-table.js';
import { type Stat, undefinedStat } from './stat-result.js';

export type KrippendorffAlpha = Stat<{
  /** Observed and expected disagreement; α = 1 − D_o/D_e. */
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
  /** n: pairable values (ratings in units with at least 2 values). */
  readonly pairableValues: number;
  readonly units: number;
}>;

/**
 * Krippendorff's α for nominal data with missing ratings, from the coincidence matrix in one pass: a unit's
 * ordered pairs count 1/(m_u − 1) each, units with fewer than 2 values are ignored. Only the diagonal o_kk and
 * n_k are needed because Σ_{c≠k} o_ck = n − Σ_k o_kk and Σ_{c≠k} n_c n_k = n² − Σ_k n_k².
 * Undefined (null) when only one category occurs: D_e = 0 (irr, nltk and irrCAC return 1 by convention there).
 */
export function krippendorffAlpha(table: ItemCounts): KrippendorffAlpha {
  const q = table.categories.length;
  const diagonal = new Array<number>(q).fill(0);
  const values = new Array<number>(q).fill(0);
  let n = 0;
  let units = 0;
  for (const { row, total: mu, weight: w } of checkedCountRows(table)) {
    if (mu < 2) continue;
    units += w;
    n += w * mu;
    for (let k = 0; k < q; k++) {
      const x = row[k]!;
      if (x === 0) continue;
      diagonal[k]! += (w * x * (x - 1)) / (mu - 1);
      values[k]! += w * x;
    }
  }
  return alphaFromSums(n, units, diagonal, values);
}

/**
 * α from the coincidence sums of the pairable units: n pairable values, Σ_u w·x_uk(x_uk − 1)/(m_u − 1) per
 * category (the diagonal) and Σ_u w·x_uk per category. The pattern bootstrap accumulates these itself.
 */
export function alphaFromSums(n: number, units: number, diagonal: readonly number[], values: readonly number[]): KrippendorffAlpha {
  if (n === 0) return undefinedStat('no unit has 2 or more ratings, so there are no pairable values');
  const disagreeing = n - diagonal.reduce((a, b) => a + b, 0);
  const expectedPairs = n * n - values.reduce((a, nk) => a + nk * nk, 0);
  if (expectedPairs === 0) return undefinedStat('only one category occurs: expected disagreement D_e is 0, so α = 1 − 0/0');
  const dO = disagreeing / n;
  const dE = expectedPairs / (n * (n - 1));
  return { value: 1 - ((n - 1) * disagreeing) / expectedPairs, observedDisagreement: dO, expectedDisagreement: dE, pairableValues: n, units };
}
