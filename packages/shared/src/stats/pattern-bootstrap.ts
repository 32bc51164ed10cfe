import { sampleMultinomial } from './binomial-sample.js';
import { type BootstrapCi, type BootstrapOptions, bootstrapSettings, noItemsCi, percentileCi } from './bootstrap-ci.js';
import { type PatternTable, checkedCountRows } from './count-table.js';
import { mulberry32 } from './seeded-random.js';

/** A statistic of items' counts that may be undefined on a resample. */
export type PatternStatistic = (table: PatternTable) => { readonly value: number | null };

/**
 * Percentile bootstrap CIs that resample faces, on a pattern table: drawing N faces with replacement from N faces
 * is a Multinomial(N; w/N) draw of how many faces each pattern gets, so a resample costs one draw per pattern
 * instead of one per face. Every statistic is computed on the same resamples (as separate item bootstraps with
 * one seed would be); the distribution is the item bootstrap's, the random stream is not, so the bounds equal an
 * item bootstrap's only within Monte Carlo error.
 */
export function bootstrapPatternCis<K extends string>(
  table: PatternTable,
  statistics: Readonly<Record<K, PatternStatistic>>,
  options: BootstrapOptions,
): Record<K, BootstrapCi> {
  const names = Object.keys(statistics) as K[];
  const { resamples, seed } = bootstrapSettings(options);
  const checked = [...checkedCountRows(table)];
  const patterns = checked.map(({ row }) => row);
  const weights = checked.map(({ weight }) => weight);
  const items = weights.reduce((a, w) => a + w, 0);
  if (items === 0) return Object.fromEntries(names.map((name) => [name, noItemsCi(options)])) as Record<K, BootstrapCi>;

  const random = mulberry32(seed);
  const values = Object.fromEntries(names.map((name) => [name, [] as (number | null)[]])) as Record<K, (number | null)[]>;
  for (let b = 0; b < resamples; b++) {
    const drawn = sampleMultinomial(random, items, weights);
    const resample: PatternTable = { categories: table.categories, patterns: patterns.map((counts, j) => ({ counts, weight: drawn[j]! })) };
    for (const name of names) values[name].push(statistics[name](resample).value);
  }
  return Object.fromEntries(names.map((name) => [name, percentileCi(values[name], options)])) as Record<K, BootstrapCi>;
}
