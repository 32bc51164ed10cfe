import type { ScoredItem } from './scored-item.js';

/** Probabilities below this count as this in NLL, so a zero probability of the gold class stays finite. */
export const NLL_FLOOR = 1e-12;

/** Multi-class Brier score: the mean over faces of Σ_k (p_k − y_k)²; null with no faces. */
export function brierScore(items: readonly ScoredItem[]): number | null {
  if (items.length === 0) return null;
  let total = 0;
  for (const { p, gold } of items) p.forEach((pk, k) => (total += (pk - (k === gold ? 1 : 0)) ** 2));
  return total / items.length;
}

/** Negative log-likelihood: the mean of −ln max(p_gold, 1e-12); null with no faces. */
export function negativeLogLikelihood(items: readonly ScoredItem[]): number | null {
  if (items.length === 0) return null;
  return items.reduce((a, { p, gold }) => a - Math.log(Math.max(p[gold]!, NLL_FLOOR)), 0) / items.length;
}
