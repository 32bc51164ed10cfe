import type { BootstrapOptions } from './bootstrap-ci.js';
import { type ItemAgreement, itemAgreements } from './item-agreement.js';
import { type CohenMatrix, pairTablesFromRatings, pairwiseCohenKappa } from './pairwise-cohen.js';
import { type RatingsMatrix, countTableFromRatings } from './ratings-matrix.js';
import { type TableAgreement, tableAgreement } from './table-agreement.js';

/** Raters' labels for a set of items (faces), as in the reference fixtures. */
export interface RatingsInput {
  readonly categories: readonly string[];
  readonly raters: readonly string[];
  readonly ratings: RatingsMatrix;
}

export interface AgreementReport extends TableAgreement {
  readonly cohenKappa: CohenMatrix;
  readonly items: readonly ItemAgreement[];
}

/**
 * Every agreement statistic of a ratings matrix. Complete-case statistics (Fleiss, Randolph, percent agreement)
 * use m = the number of raters, so an item with a missing rating is dropped as irr does.
 */
export function agreementReport(input: RatingsInput, options: { readonly bootstrap?: BootstrapOptions } = {}): AgreementReport {
  const { categories, raters, ratings } = input;
  const table = countTableFromRatings(categories, raters.length, ratings);
  return {
    ...tableAgreement(table, raters.length, options),
    cohenKappa: pairwiseCohenKappa(pairTablesFromRatings(categories, raters, ratings)),
    items: [...itemAgreements(table)],
  };
}
