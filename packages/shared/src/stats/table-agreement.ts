import { type BootstrapCi, type BootstrapOptions, bootstrapTableCi } from './bootstrap-ci.js';
import { type CountArrays, type ItemCounts, type PatternTable, checkedCountRows, isPatternTable } from './count-table.js';
import { type CompleteCaseSummary, summarizeCompleteCases } from './complete-case-summary.js';
import { type CategoryKappa, type FleissKappa, fleissKappa, fleissKappaPerCategory } from './fleiss-kappa.js';
import { type GwetAc1, gwetAc1 } from './gwet-ac1.js';
import { type KrippendorffAlpha, krippendorffAlpha } from './krippendorff-alpha.js';
import { bootstrapAgreementPatterns } from './agreement-bootstrap.js';
import { type PercentAgreement, percentAgreement } from './percent-agreement.js';
import { type RandolphKappa, randolphKappa } from './randolph-kappa.js';

/** The statistics that get a bootstrap CI. */
export const BOOTSTRAPPED_STATISTICS = ['fleissKappa', 'randolphKappa', 'krippendorffAlpha', 'gwetAc1', 'percentAgreement'] as const;
export type BootstrappedStatistic = (typeof BOOTSTRAPPED_STATISTICS)[number];

/** How many items each statistic can use: they differ when ratings are missing. */
export interface ItemTally {
  /** Items with at least one rating (Gwet's π_k). */
  readonly rated: number;
  /** Items with at least two ratings (Krippendorff's pairable units, Gwet's p_a). */
  readonly paired: number;
  /** Items rated by every rater (Fleiss, Randolph, percent agreement: complete cases, as irr). */
  readonly complete: number;
}

/** Every multi-rater statistic of one set of items. */
export interface TableAgreement {
  readonly raters: number;
  readonly itemTally: ItemTally;
  readonly fleissKappa: FleissKappa;
  readonly fleissPerCategory: readonly CategoryKappa[];
  /** q = declared categories, and q = categories observed. */
  readonly randolphKappa: { readonly declared: RandolphKappa; readonly observed: RandolphKappa };
  readonly krippendorffAlpha: KrippendorffAlpha;
  readonly gwetAc1: { readonly declared: GwetAc1; readonly observed: GwetAc1 };
  readonly percentAgreement: PercentAgreement;
  /** Percentile CIs resampling items, present when bootstrap options were given. */
  readonly bootstrap?: Readonly<Record<BootstrappedStatistic, BootstrapCi>>;
}

type Statistics = Record<BootstrappedStatistic, (table: ItemCounts) => { readonly value: number | null }>;

/**
 * Every multi-rater statistic of items' counts with m = `raters`, from one row per item or from distinct
 * patterns with multiplicities (the same numbers either way). Complete-case statistics (Fleiss, Randolph,
 * percent agreement) drop an item with a missing rating as irr does; α and AC1 use every item they can.
 * Bootstrap: a row table resamples its rows one by one; a pattern table by a multinomial draw per resample.
 */
export function tableAgreement(table: CountArrays | PatternTable, raters: number, options: { readonly bootstrap?: BootstrapOptions } = {}): TableAgreement {
  const summary = summarizeCompleteCases(table, raters);
  // The three complete-case statistics of one resample share one pass over it.
  const summaries = new WeakMap<ItemCounts, CompleteCaseSummary>();
  const summarize = (t: ItemCounts) => summaries.get(t) ?? summaries.set(t, summarizeCompleteCases(t, raters)).get(t)!;
  const statistics: Statistics = {
    fleissKappa: (t) => fleissKappa(summarize(t)),
    randolphKappa: (t) => randolphKappa(summarize(t)),
    krippendorffAlpha,
    gwetAc1: (t) => gwetAc1(t),
    percentAgreement: (t) => percentAgreement(summarize(t)),
  };
  const { bootstrap } = options;
  return {
    raters,
    itemTally: tallyItems(table, raters),
    fleissKappa: fleissKappa(summary),
    fleissPerCategory: fleissKappaPerCategory(summary),
    randolphKappa: { declared: randolphKappa(summary), observed: randolphKappa(summary, { categories: 'observed' }) },
    krippendorffAlpha: krippendorffAlpha(table),
    gwetAc1: { declared: gwetAc1(table), observed: gwetAc1(table, { categories: 'observed' }) },
    percentAgreement: percentAgreement(summary),
    ...(bootstrap && { bootstrap: bootstrapAll(table, raters, statistics, bootstrap) }),
  };
}

function tallyItems(table: ItemCounts, raters: number): ItemTally {
  let rated = 0;
  let paired = 0;
  let complete = 0;
  for (const { total, weight } of checkedCountRows(table)) {
    if (total >= 1) rated += weight;
    if (total >= 2) paired += weight;
    if (total === raters) complete += weight;
  }
  return { rated, paired, complete };
}

function bootstrapAll(table: CountArrays | PatternTable, raters: number, statistics: Statistics, options: BootstrapOptions): Record<BootstrappedStatistic, BootstrapCi> {
  if (isPatternTable(table)) return bootstrapAgreementPatterns(table, raters, options);
  return Object.fromEntries(BOOTSTRAPPED_STATISTICS.map((name) => [name, bootstrapTableCi(table, statistics[name], options)])) as Record<
    BootstrappedStatistic,
    BootstrapCi
  >;
}
