import type { CountArrays, CountTable } from './count-table.js';
import { mulberry32 } from './seeded-random.js';

export interface BootstrapOptions {
  readonly resamples: number;
  readonly seed: number;
  /** Confidence level, default 0.95. */
  readonly level?: number;
}

interface BootstrapSettings {
  readonly level: number;
  readonly resamples: number;
  readonly seed: number;
  /** Resamples on which the statistic was undefined (e.g. only one category drawn); left out of the percentiles. */
  readonly undefinedResamples: number;
}

/** A percentile CI, or null bounds with a reason. */
export type BootstrapCi = BootstrapSettings & ({ readonly low: number; readonly high: number } | { readonly low: null; readonly high: null; readonly reason: string });

/** The p-quantile of sorted values with linear interpolation (R's default type 7). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The checked level and settings of a bootstrap; throws on a resample count or level that makes no sense. */
export function bootstrapSettings(options: BootstrapOptions): { readonly level: number; readonly resamples: number; readonly seed: number } {
  const level = options.level ?? 0.95;
  const { resamples, seed } = options;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, got ${level}`);
  return { level, resamples, seed };
}

/** The CI of a bootstrap that had no items to resample. */
export function noItemsCi(options: BootstrapOptions): BootstrapCi {
  const settings = bootstrapSettings(options);
  return { ...settings, undefinedResamples: settings.resamples, low: null, high: null, reason: 'no items to resample' };
}

/** The percentile CI from the statistic's values on the resamples (null where it was undefined). */
export function percentileCi(values: readonly (number | null)[], options: BootstrapOptions): BootstrapCi {
  const settings = bootstrapSettings(options);
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const undefinedResamples = settings.resamples - defined.length;
  if (defined.length === 0) return { ...settings, undefinedResamples, low: null, high: null, reason: 'the statistic was undefined on every resample' };
  const sorted = Float64Array.from(defined).sort();
  return { ...settings, undefinedResamples, low: quantile(sorted, (1 - settings.level) / 2), high: quantile(sorted, (1 + settings.level) / 2) };
}

/**
 * Percentile bootstrap CI that resamples items (faces) with replacement: `statistic` gets the drawn item indices
 * (repeats allowed) and returns the statistic on that sample, or null where it is undefined. Seeded, so the same
 * seed gives the same interval.
 */
export function bootstrapCi(items: number, statistic: (sample: Uint32Array) => number | null, options: BootstrapOptions): BootstrapCi {
  const { resamples, seed } = bootstrapSettings(options);
  if (items === 0) return noItemsCi(options);
  const random = mulberry32(seed);
  const sample = new Uint32Array(items);
  const values: (number | null)[] = [];
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < items; i++) sample[i] = Math.floor(random() * items);
    values.push(statistic(sample));
  }
  return percentileCi(values, options);
}

/** The count table of a resample: the drawn rows, lazily, without copying them. */
export function resampledTable(categories: readonly string[], rows: readonly ArrayLike<number>[], sample: Uint32Array): CountTable {
  return {
    categories,
    rows: {
      *[Symbol.iterator]() {
        for (const i of sample) yield rows[i]!;
      },
    },
  };
}

/** Bootstrap CI of a count-table statistic (κ, α, AC1, …), resampling its rows. */
export function bootstrapTableCi(
  table: CountArrays,
  statistic: (table: CountTable) => { readonly value: number | null },
  options: BootstrapOptions,
): BootstrapCi {
  return bootstrapCi(table.rows.length, (sample) => statistic(resampledTable(table.categories, table.rows, sample)).value, options);
}
