import { type BootstrapCi, type BootstrapOptions, bootstrapTableCi } from './bootstrap-ci.js';
import type { CountTable } from './count-table.js';
import { type CategoryKappa, type FleissKappa, fleissKappa, fleissKappaPerCategory } from './fleiss-kappa.js';
import { type GwetAc1, gwetAc1 } from './gwet-ac1.js';
import { type ItemAgreement, itemAgreements } from './item-agreement.js';
import { type KrippendorffAlpha, krippendorffAlpha } from './krippendorff-alpha.js';
import { type CohenMatrix, pairTablesFromRatings, pairwiseCohenKappa } from './pairwise-cohen.js';
import { type PercentAgreement, percentAgreement } from './percent-agreement.js';
import { type RandolphKappa, randolphKappa } from './randolph-kappa.js';
import { type RatingsMatrix, countTableFromRatings } from './ratings-matrix.js';
import { summarizeCompleteCases } from './complete-case-summary.js';

/** Raters' labels for a set of items (faces), as in the reference fixtures. */
export interface RatingsInput {
  readonly categories: readonly string[];
  readonly raters: readonly string[];
  readonly ratings: RatingsMatrix;
}

/** The statistics that get a bootstrap CI in the report. */
export const BOOTSTRAPPED_STATISTICS = ['fleissKappa', 'randolphKappa', 'krippendorffAlpha', 'gwetAc1', 'percentAgreement'] as const;
export type BootstrappedStatistic = (typeof BOOTSTRAPPED_STATISTICS)[number];

export interface AgreementReport {
  readonly fleissKappa: FleissKappa;
  readonly fleissPerCategory: readonly CategoryKappa[];
  /** q = declared categories, and q = categories observed. */
  readonly randolphKappa: { readonly declared: RandolphKappa; readonly observed: RandolphKappa };
  readonly cohenKappa: CohenMatrix;
  readonly krippendorffAlpha: KrippendorffAlpha;
  readonly gwetAc1: { readonly declared: GwetAc1; readonly observed: GwetAc1 };
  readonly percentAgreement: PercentAgreement;
  readonly items: readonly ItemAgreement[];
  /** Percentile CIs resampling items, present when bootstrap options were given. */
  readonly bootstrap?: Readonly<Record<BootstrappedStatistic, BootstrapCi>>;
}

/**
 * Every agreement statistic of a ratings matrix. Complete-case statistics (Fleiss, Randolph, percent agreement)
 * use m = the number of raters, so an item with a missing rating is dropped as irr does.
 */
export function agreementReport(input: RatingsInput, options: { readonly bootstrap?: BootstrapOptions } = {}): AgreementReport {
  const { categories, raters, ratings } = input;
  const m = raters.length;
  const table = countTableFromRatings(categories, m, ratings);
  const summary = summarizeCompleteCases(table, m);
  const statistics: Record<BootstrappedStatistic, (t: CountTable) => { readonly value: number | null }> = {
    fleissKappa: (t) => fleissKappa(t, { raters: m }),
    randolphKappa: (t) => randolphKappa(t, { raters: m }),
    krippendorffAlpha,
    gwetAc1: (t) => gwetAc1(t),
    percentAgreement: (t) => percentAgreement(t, { raters: m }),
  };
  const bootstrap = options.bootstrap;
  return {
    fleissKappa: fleissKappa(summary),
    fleissPerCategory: fleissKappaPerCategory(summary),
    randolphKappa: { declared: randolphKappa(summary), observed: randolphKappa(summary, { categories: 'observed' }) },
    cohenKappa: pairwiseCohenKappa(pairTablesFromRatings(categories, raters, ratings)),
    krippendorffAlpha: krippendorffAlpha(table),
    gwetAc1: { declared: gwetAc1(table), observed: gwetAc1(table, { categories: 'observed' }) },
    percentAgreement: percentAgreement(summary),
    items: [...itemAgreements(table)],
    ...(bootstrap && {
      bootstrap: Object.fromEntries(
        BOOTSTRAPPED_STATISTICS.map((name) => [name, bootstrapTableCi(table, statistics[name], bootstrap)]),
      ) as Record<BootstrappedStatistic, BootstrapCi>,
    }),
  };
}
