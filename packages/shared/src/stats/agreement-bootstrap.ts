import { sampleMultinomial } from './binomial-sample.js';
import { type BootstrapCi, type BootstrapOptions, bootstrapSettings, noItemsCi, percentileCi } from './bootstrap-ci.js';
import type { CompleteCaseSummary } from './complete-case-summary.js';
import type { PatternTable } from './count-table.js';
import { fleissKappa } from './fleiss-kappa.js';
import { ac1Point } from './gwet-ac1.js';
import { alphaFromSums } from './krippendorff-alpha.js';
import { sortedPatterns } from './pattern-bootstrap.js';
import { percentAgreement } from './percent-agreement.js';
import { randolphKappa } from './randolph-kappa.js';

export type AgreementStatistic = 'fleissKappa' | 'randolphKappa' | 'krippendorffAlpha' | 'gwetAc1' | 'percentAgreement';

/**
 * The pattern bootstrap of tableAgreement's five statistics, in one pass over the patterns per resample: the
 * same patterns in the same order and the same multinomial draws as bootstrapPatternCis (so the same resamples),
 * each resample's sums accumulated as the statistics accumulate them, then their own formulas applied
 * (fleissKappa, randolphKappa, percentAgreement on the complete-case summary; alphaFromSums; ac1Point). The
 * generic path re-validates and re-walks every pattern once per statistic and computes SEs nobody resamples;
 * this one costs about one multiply-add per pattern and category. Equal to the generic path (test).
 */
export function bootstrapAgreementPatterns(table: PatternTable, raters: number, options: BootstrapOptions): Record<AgreementStatistic, BootstrapCi> {
  const names: AgreementStatistic[] = ['fleissKappa', 'randolphKappa', 'krippendorffAlpha', 'gwetAc1', 'percentAgreement'];
  const { resamples, seed } = bootstrapSettings(options);
  const { patterns, weights, random } = sortedPatterns(table, seed);
  const items = weights.reduce((a, w) => a + w, 0);
  if (items === 0) return Object.fromEntries(names.map((name) => [name, noItemsCi(options)])) as Record<AgreementStatistic, BootstrapCi>;
  const q = table.categories.length;
  const totals = patterns.map((counts) => {
    let t = 0;
    for (let k = 0; k < q; k++) t += counts[k]!;
    return t;
  });
  const values = Object.fromEntries(names.map((name) => [name, [] as (number | null)[]])) as Record<AgreementStatistic, (number | null)[]>;
  for (let b = 0; b < resamples; b++) {
    const drawn = sampleMultinomial(random, items, weights);
    // Complete cases (summarizeCompleteCases), pairable units (krippendorffAlpha), rated items (gwetAc1).
    let rows = 0;
    let complete = 0;
    let allAgree = 0;
    const ccTotals = new Array<number>(q).fill(0);
    const ccSquares = new Array<number>(q).fill(0);
    const observed = new Array<boolean>(q).fill(false);
    let n = 0;
    let units = 0;
    const diagonal = new Array<number>(q).fill(0);
    const alphaValues = new Array<number>(q).fill(0);
    let rated = 0;
    let paired = 0;
    let paSum = 0;
    const pi = new Array<number>(q).fill(0);
    for (let j = 0; j < patterns.length; j++) {
      const w = drawn[j]!;
      if (w === 0) continue;
      const row = patterns[j]!;
      const total = totals[j]!;
      rows += w;
      const isComplete = total === raters;
      if (isComplete) complete += w;
      if (total >= 2) {
        units += w;
        n += w * total;
        paired += w;
        let pairs = 0;
        for (let k = 0; k < q; k++) pairs += row[k]! * (row[k]! - 1);
        paSum += w * (pairs / (total * (total - 1)));
      }
      if (total >= 1) rated += w;
      for (let k = 0; k < q; k++) {
        const x = row[k]!;
        if (total >= 1) pi[k]! += (w * x) / total;
        if (x === 0) continue;
        observed[k] = true;
        if (isComplete) {
          ccTotals[k]! += w * x;
          ccSquares[k]! += w * x * x;
          if (x === total) allAgree += w;
        }
        if (total >= 2) {
          diagonal[k]! += (w * x * (x - 1)) / (total - 1);
          alphaValues[k]! += w * x;
        }
      }
    }
    const summary: CompleteCaseSummary = {
      categories: table.categories,
      raters,
      items: complete,
      itemsDropped: rows - complete,
      totals: ccTotals,
      sumSquares: ccSquares,
      itemsAllAgree: allAgree,
      categoriesObserved: observed.filter(Boolean).length,
    };
    values.fleissKappa.push(fleissKappa(summary).value);
    values.randolphKappa.push(randolphKappa(summary).value);
    values.percentAgreement.push(percentAgreement(summary).value);
    values.krippendorffAlpha.push(alphaFromSums(n, units, diagonal, alphaValues).value);
    const ac1 = ac1Point(rated, paired, paSum, pi);
    values.gwetAc1.push('reason' in ac1 ? null : ac1.ac1);
  }
  return Object.fromEntries(names.map((name) => [name, percentileCi(values[name], options)])) as Record<AgreementStatistic, BootstrapCi>;
}
