import { type CompleteCaseInput, completeCaseProblem, meanItemAgreement, toCompleteCaseSummary } from './complete-case-summary.js';
import { type Stat, undefinedStat } from './stat-result.js';

export interface RandolphOptions {
  /** Number of raters m; items with fewer ratings are dropped (default: the most ratings any item has). */
  readonly raters?: number;
  /** q: the declared categories (default) or only those observed anywhere in the data. */
  readonly categories?: 'declared' | 'observed';
}

export type RandolphKappa = Stat<{ readonly q: number; readonly observedAgreement: number; readonly items: number }>;

/**
 * Randolph's free-marginal multirater κ = (P̄ − 1/q)/(1 − 1/q) over the complete-case items (statsmodels
 * `fleiss_kappa(method='randolph')`). It depends on q, so say which set of categories was used.
 */
export function randolphKappa(input: CompleteCaseInput, options: RandolphOptions = {}): RandolphKappa {
  const s = toCompleteCaseSummary(input, options.raters);
  const problem = completeCaseProblem(s);
  if (problem !== null) return undefinedStat(problem);
  const q = options.categories === 'observed' ? s.categoriesObserved : s.categories.length;
  if (q < 2) return undefinedStat(`q = ${q} categories: chance agreement 1/q is 1, so κ is 0/0`);
  const pBar = meanItemAgreement(s)!;
  return { value: (pBar - 1 / q) / (1 - 1 / q), q, observedAgreement: pBar, items: s.items };
}
