import { type ItemCounts, checkedCountRows } from './count-table.js';

/**
 * Sufficient statistics of the complete-case items (every rater rated), gathered in one pass. irr's
 * `kappam.fleiss` and `agree` drop every item with a missing rating; Fleiss' κ, Randolph's κ and percent
 * agreement all come from these sums.
 */
export interface CompleteCaseSummary {
  readonly categories: readonly string[];
  /** m: ratings per complete item. */
  readonly raters: number;
  /** N: complete items used. */
  readonly items: number;
  /** Items dropped because they have fewer than m ratings. */
  readonly itemsDropped: number;
  /** Σ_i x_ij per category over the complete items. */
  readonly totals: readonly number[];
  /** Σ_i x_ij² per category over the complete items. */
  readonly sumSquares: readonly number[];
  /** Complete items on which every rater gave the same category. */
  readonly itemsAllAgree: number;
  /** Categories used at least once anywhere in the table (incomplete items included). */
  readonly categoriesObserved: number;
}

interface GroupSums {
  items: number;
  itemsAllAgree: number;
  totals: number[];
  sumSquares: number[];
}

/**
 * `raters` is the number of raters (m); items with fewer ratings are dropped. Without it, m is the largest number
 * of ratings any item has, so a table of complete items needs no extra argument. Sums are kept per ratings count
 * so that m can be decided after the single pass.
 */
export function summarizeCompleteCases(table: ItemCounts, raters?: number): CompleteCaseSummary {
  const q = table.categories.length;
  const groups = new Map<number, GroupSums>();
  const observed = new Array<boolean>(q).fill(false);
  let rows = 0;
  for (const { row, total, weight: w } of checkedCountRows(table)) {
    rows += w;
    if (raters !== undefined && total > raters) throw new RangeError(`an item has ${total} ratings but there are only ${raters} raters`);
    let group = groups.get(total);
    if (group === undefined) {
      group = { items: 0, itemsAllAgree: 0, totals: new Array<number>(q).fill(0), sumSquares: new Array<number>(q).fill(0) };
      groups.set(total, group);
    }
    group.items += w;
    for (let k = 0; k < q; k++) {
      const x = row[k]!;
      if (x === 0) continue;
      observed[k] = true;
      group.totals[k]! += w * x;
      group.sumSquares[k]! += w * x * x;
      if (x === total) group.itemsAllAgree += w;
    }
  }
  const m = raters ?? Math.max(0, ...groups.keys());
  const complete = groups.get(m);
  return {
    categories: table.categories,
    raters: m,
    items: complete?.items ?? 0,
    itemsDropped: rows - (complete?.items ?? 0),
    totals: complete?.totals ?? new Array<number>(q).fill(0),
    sumSquares: complete?.sumSquares ?? new Array<number>(q).fill(0),
    itemsAllAgree: complete?.itemsAllAgree ?? 0,
    categoriesObserved: observed.filter(Boolean).length,
  };
}

/** Fleiss' P̄: mean over complete items of P_i = Σ_j x_ij(x_ij − 1)/(m(m − 1)); null when undefined. */
export function meanItemAgreement(summary: CompleteCaseSummary): number | null {
  const { items: n, raters: m } = summary;
  if (n === 0 || m < 2) return null;
  const squares = summary.sumSquares.reduce((a, b) => a + b, 0);
  return (squares - n * m) / (n * m * (m - 1));
}

/** Statistics accept the items' counts or a summary already made from them (to walk a stream once). */
export type CompleteCaseInput = ItemCounts | CompleteCaseSummary;

export function toCompleteCaseSummary(input: CompleteCaseInput, raters?: number): CompleteCaseSummary {
  return 'sumSquares' in input ? input : summarizeCompleteCases(input, raters);
}

/** Why a complete-case statistic is undefined, or null when the summary has enough data. */
export function completeCaseProblem(summary: CompleteCaseSummary): string | null {
  if (summary.items === 0)
    return summary.itemsDropped > 0 ? 'no complete-case items: every item has a missing rating' : 'no items';
  if (summary.raters < 2) return `only ${summary.raters} rating per item; agreement needs at least 2 raters`;
  return null;
}
