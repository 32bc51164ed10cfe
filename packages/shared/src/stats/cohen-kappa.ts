import { Z_975, twoSidedNormalP } from './normal-distribution.js';
import { type Stat, ratio, sqrtVariance, undefinedStat } from './stat-result.js';

/** Q×Q counts for one pair of raters over the items both rated: table[a][b] = first said a, second said b. */
export type PairTable = ArrayLike<ArrayLike<number>>;

export type CohenKappa = Stat<{
  /** Asymptotic standard error (statsmodels `std_kappa`); null if the variance formula goes negative. */
  readonly se: number | null;
  /** 95% CI κ ∓ z₀.₉₇₅·se, with z₀.₉₇₅ = 1.959963984540054 as statsmodels uses (not 1.96). */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** Standard error under H0 (κ = 0), `std_kappa0`; z = κ/se0; p two-sided. Null where se0 = 0. */
  readonly seNull: number | null;
  readonly z: number | null;
  readonly p: number | null;
  readonly observedAgreement: number;
  readonly items: number;
}>;

/** Cohen's κ with the asymptotic variances of statsmodels `cohens_kappa` (Fleiss, Cohen & Everitt 1969). */
export function cohenKappa(table: PairTable): CohenKappa {
  const q = table.length;
  const rowSum = new Array<number>(q).fill(0);
  const colSum = new Array<number>(q).fill(0);
  let n = 0;
  let agree = 0;
  for (let a = 0; a < q; a++) {
    const row = table[a]!;
    if (row.length !== q) throw new RangeError(`pair table row ${a} has ${row.length} counts, expected ${q}`);
    for (let b = 0; b < q; b++) {
      const x = row[b]!;
      rowSum[a]! += x;
      colSum[b]! += x;
      n += x;
      if (a === b) agree += x;
    }
  }
  if (n === 0) return undefinedStat('no items rated by both raters');
  const fr = rowSum.map((x) => x / n);
  const fc = colSum.map((x) => x / n);
  const po = agree / n;
  const pe = fr.reduce((acc, r, k) => acc + r * fc[k]!, 0);
  const kappa = ratio(po - pe, 1 - pe);
  if (kappa === null) return undefinedStat('both raters used one and the same category only: chance agreement is 1, so κ is 0/0');

  let termA = 0;
  let termB = 0;
  let termC0 = 0;
  for (let a = 0; a < q; a++) {
    termA += (table[a]![a]! / n) * (1 - (fr[a]! + fc[a]!) * (1 - kappa)) ** 2;
    termC0 += fc[a]! * fr[a]! * (fc[a]! + fr[a]!);
    for (let b = 0; b < q; b++) if (a !== b) termB += (table[a]![b]! / n) * (fc[a]! + fr[b]!) ** 2;
  }
  const termC = (kappa - pe * (1 - kappa)) ** 2;
  const scale = (1 - pe) ** 2 * n;
  const se = sqrtVariance((termA + (1 - kappa) ** 2 * termB - termC) / scale, (termA + (1 - kappa) ** 2 * termB + termC) / scale);
  const seNull = sqrtVariance((pe + pe * pe - termC0) / scale, (pe + pe * pe + termC0) / scale);
  const z = seNull === null ? null : ratio(kappa, seNull);
  return {
    value: kappa,
    se,
    ciLow: se === null ? null : kappa - Z_975 * se,
    ciHigh: se === null ? null : kappa + Z_975 * se,
    seNull: seNull === 0 ? null : seNull,
    z,
    p: z === null ? null : twoSidedNormalP(z),
    observedAgreement: po,
    items: n,
  };
}
