import { sampleMultinomial } from './binomial-sample.js';
import { type BootstrapCi, type BootstrapOptions, bootstrapSettings, noItemsCi, percentileCi } from './bootstrap-ci.js';
import type { PatternTable } from './count-table.js';
import { type RowPattern, tallyRowPatterns } from './row-patterns.js';
import { mulberry32 } from './seeded-random.js';

/** A statistic of items' counts that may be undefined on a resample. */
export type PatternStatistic = (table: PatternTable) => { readonly value: number | null };

/**
 * Percentile bootstrap CIs that resample faces, on a pattern table: drawing N faces with replacement from N faces
 * is a Multinomial(N; w/N) draw of how many faces each pattern gets, so a resample costs one draw per pattern
 * instead of one per face. Every statistic is computed on the same resamples (as separate item bootstraps with
 * one seed would be); the distribution is the item bootstrap's, the random stream is not, so the bounds equal an
 * item bootstrap's only within Monte Carlo error. The patterns are merged and sorted first, so the same faces and
 * seed give the same CIs whatever order (or split) the rows come in.
 */
export function bootstrapPatternCis<K extends string>(
  table: PatternTable,
  statistics: Readonly<Record<K, PatternStatistic>>,
  options: BootstrapOptions,
): Record<K, BootstrapCi> {
  const names = Object.keys(statistics) as K[];
  const { resamples, seed } = bootstrapSettings(options);
  const { patterns, weights, random } = sortedPatterns(table, seed);
  const items = weights.reduce((a, w) => a + w, 0);
  if (items === 0) return Object.fromEntries(names.map((name) => [name, noItemsCi(options)])) as Record<K, BootstrapCi>;

  const values = Object.fromEntries(names.map((name) => [name, [] as (number | null)[]])) as Record<K, (number | null)[]>;
  for (let b = 0; b < resamples; b++) {
    const drawn = sampleMultinomial(random, items, weights);
    const resample: PatternTable = { categories: table.categories, patterns: patterns.map((counts, j) => ({ counts, weight: drawn[j]! })) };
    for (const name of names) values[name].push(statistics[name](resample).value);
  }
  return Object.fromEntries(names.map((name) => [name, percentileCi(values[name], options)])) as Record<K, BootstrapCi>;
}

/** The table's patterns merged and sorted, their weights, and the seeded stream every pattern bootstrap draws from. */
export function sortedPatterns(table: PatternTable, seed: number): { patterns: ArrayLike<number>[]; weights: number[]; random: () => number } {
  const sorted = tallyRowPatterns(table).sort(byCounts);
  return { patterns: sorted.map((p) => p.counts), weights: sorted.map((p) => p.weight), random: mulberry32(seed) };
}

function byCounts(a: RowPattern, b: RowPattern): number {
  for (let k = 0; k < a.counts.length; k++) if (a.counts[k] !== b.counts[k]) return a.counts[k]! - b.counts[k]!;
  return 0;
}
