import { categoryIndexer } from './category-index.js';
import { normalUpperTail } from './normal-distribution.js';

export interface McNemarResult {
  /**
   * `exact-binomial` when b + c < exactBelow (statistic = min(b, c), p = two-sided binomial(b + c, ½)), else
   * `chi-square-continuity` (statistic = (|b − c| − 1)²/(b + c), p from χ² with 1 df); statsmodels `mcnemar`
   * conventions.
   */
  readonly method: 'exact-binomial' | 'chi-square-continuity';
  readonly statistic: number;
  readonly p: number;
  /** Discordant pairs: b = first model right and second wrong, c = first wrong and second right. */
  readonly b: number;
  readonly c: number;
}

/** Two-sided exact p: 2·P(X ≤ k) for X ~ Binomial(n, ½), capped at 1. */
function exactBinomialP(k: number, n: number): number {
  let term = 0.5 ** n;
  let tail = term;
  for (let i = 0; i < k; i++) {
    term *= (n - i) / (i + 1);
    tail += term;
  }
  return Math.min(1, 2 * tail);
}

/**
 * McNemar's test for two models on the same faces, from the discordant counts. With no discordant pair the
 * exact test gives p = 1 (no evidence of a difference), which is a result, not an undefined value.
 */
export function mcnemarTest(b: number, c: number, options: { readonly exactBelow?: number } = {}): McNemarResult {
  for (const [name, v] of [['b', b], ['c', c]] as const)
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  const n = b + c;
  if (n < (options.exactBelow ?? 25)) {
    const k = Math.min(b, c);
    return { method: 'exact-binomial', statistic: k, p: exactBinomialP(k, n), b, c };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / n;
  // χ²₁ survival: P(χ² > s) = P(|Z| > √s).
  return { method: 'chi-square-continuity', statistic, p: Math.min(1, 2 * normalUpperTail(Math.sqrt(statistic))), b, c };
}

/** McNemar from per-item labels: items without gold, or without either prediction, are skipped. */
export function mcnemarFromPredictions(
  categories: readonly string[],
  gold: readonly (string | null)[],
  first: readonly (string | null)[],
  second: readonly (string | null)[],
  options: { readonly exactBelow?: number } = {},
): McNemarResult & { readonly n: number } {
  if (first.length !== gold.length || second.length !== gold.length)
    throw new RangeError(`${gold.length} gold labels but ${first.length} and ${second.length} predictions`);
  const indexOf = categoryIndexer(categories);
  let b = 0;
  let c = 0;
  let n = 0;
  gold.forEach((g, i) => {
    const x = first[i] ?? null;
    const y = second[i] ?? null;
    if (g === null || x === null || y === null) return;
    const truth = indexOf(g, `gold of item ${i}`);
    const firstRight = indexOf(x, `first prediction for item ${i}`) === truth;
    const secondRight = indexOf(y, `second prediction for item ${i}`) === truth;
    n++;
    if (firstRight && !secondRight) b++;
    else if (!firstRight && secondRight) c++;
  });
  return { ...mcnemarTest(b, c, options), n };
}
