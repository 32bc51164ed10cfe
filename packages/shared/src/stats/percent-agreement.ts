import { type CompleteCaseInput, completeCaseProblem, toCompleteCaseSummary } from './complete-case-summary.js';
import { type Stat, undefinedStat } from './stat-result.js';

export type PercentAgreement = Stat<{
  /** The same as `value` × 100, as R irr `agree` reports it. */
  readonly percent: number;
  readonly items: number;
  readonly itemsAllAgree: number;
}>;

/** Fraction (`value`, 0–1) of complete-case items on which every rater gave the same category (irr `agree`). */
export function percentAgreement(input: CompleteCaseInput, options: { readonly raters?: number } = {}): PercentAgreement {
  const s = toCompleteCaseSummary(input, options.raters);
  const problem = completeCaseProblem(s);
  if (problem !== null) return undefinedStat(problem);
  const fraction = s.itemsAllAgree / s.items;
  return { value: fraction, percent: (100 * s.itemsAllAgree) / s.items, items: s.items, itemsAllAgree: s.itemsAllAgree };
}
