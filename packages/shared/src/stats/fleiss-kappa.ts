import { type CompleteCaseInput, completeCaseProblem, meanItemAgreement, toCompleteCaseSummary } from './complete-case-summary.js';
import { twoSidedNormalP } from './normal-distribution.js';
import { type Stat, ratio, sqrtVariance, undefinedStat } from './stat-result.js';

export interface FleissKappaFields {
  /** Standard error under H0 (κ = 0), as irr `kappam.fleiss` computes it. */
  readonly se: number | null;
  readonly z: number | null;
  /** Two-sided p-value of z. */
  readonly p: number | null;
  /** P̄. */
  readonly observedAgreement: number;
  /** P_e = Σ_j p_j². */
  readonly chanceAgreement: number;
  /** p_j per declared category. */
  readonly categoryProportions: readonly number[];
  /** Complete-case items used (N) and dropped for a missing rating. */
  readonly items: number;
  readonly itemsDropped: number;
  readonly raters: number;
}

export type FleissKappa = Stat<FleissKappaFields>;

export interface FleissOptions {
  /** Number of raters m; items with fewer ratings are dropped (default: the most ratings any item has). */
  readonly raters?: number;
}

/**
 * Fleiss' κ over the complete-case items, exactly as R irr `kappam.fleiss` (0.84.1): items with any missing
 * rating are dropped, SE is irr's asymptotic SE under H0, p = two-sided normal.
 */
export function fleissKappa(input: CompleteCaseInput, options: FleissOptions = {}): FleissKappa {
  const s = toCompleteCaseSummary(input, options.raters);
  const problem = completeCaseProblem(s);
  if (problem !== null) return undefinedStat(problem);
  const nm = s.items * s.raters;
  const p = s.totals.map((t) => t / nm);
  const pBar = meanItemAgreement(s)!;
  const pe = p.reduce((a, pj) => a + pj * pj, 0);
  const kappa = ratio(pBar - pe, 1 - pe);
  if (kappa === null) return undefinedStat('only one category was used: chance agreement is 1, so κ is 0/0');
  const spq = p.reduce((a, pj) => a + pj * (1 - pj), 0);
  const spqr = p.reduce((a, pj) => a + pj * (1 - pj) * (1 - 2 * pj), 0);
  const factor = 2 / (spq * spq * (nm * (s.raters - 1)));
  const se = sqrtVariance(factor * (spq * spq - spqr), factor * (spq * spq + Math.abs(spqr)));
  const z = se === null ? null : ratio(kappa, se);
  return {
    value: kappa,
    se,
    z,
    p: z === null ? null : twoSidedNormalP(z),
    observedAgreement: pBar,
    chanceAgreement: pe,
    categoryProportions: p,
    items: s.items,
    itemsDropped: s.itemsDropped,
    raters: s.raters,
  };
}

/** κ_j for one category; `se` is defined whenever there are items, even where κ_j is 0/0. */
export type CategoryKappa = { readonly category: string; readonly se: number | null } & Stat<{ readonly z: number | null; readonly p: number | null }>;

/**
 * Per-category κ_j with the formula of irr `kappam.fleiss(detail = TRUE)`, unrounded and for every declared
 * category (irr rounds to 3 decimals and lists only the observed ones). A category nobody used, or everybody
 * always used, gives 0/0: null with a reason.
 */
export function fleissKappaPerCategory(input: CompleteCaseInput, options: FleissOptions = {}): CategoryKappa[] {
  const s = toCompleteCaseSummary(input, options.raters);
  const problem = completeCaseProblem(s);
  const m = s.raters;
  const nm = s.items * m;
  const se = problem === null ? Math.sqrt(2 / (nm * (m - 1))) : null;
  return s.categories.map((category, j): CategoryKappa => {
    if (problem !== null) return { category, se, ...undefinedStat(problem) };
    const pj = s.totals[j]! / nm;
    const pjk = (s.sumSquares[j]! - nm * pj) / (nm * (m - 1) * pj);
    const kappa = ratio(pjk - pj, 1 - pj);
    if (kappa === null) {
      const why = pj === 0 ? 'was never used' : 'was the only category used';
      return { category, se, ...undefinedStat(`category "${category}" ${why}, so its κ is 0/0`) };
    }
    const z = ratio(kappa, se!);
    return { category, se, value: kappa, z, p: z === null ? null : twoSidedNormalP(z) };
  });
}
