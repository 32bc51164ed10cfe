import { categoryIndexer } from './category-index.js';
import type { CountArrays } from './count-table.js';

/** Items × raters: each cell is a category label, or null where that rater has no rating for the item. */
export type RatingsMatrix = readonly (readonly (string | null)[])[];

/** The ratings as category indices (−1 for missing), checked against the declared categories and raters. */
export function encodeRatings(categories: readonly string[], raters: number, ratings: RatingsMatrix): Int32Array[] {
  const indexOf = categoryIndexer(categories);
  return ratings.map((item, i) => {
    if (item.length !== raters) throw new RangeError(`item ${i} has ${item.length} ratings, expected one per rater (${raters})`);
    return Int32Array.from(item, (label, r) => (label === null ? -1 : indexOf(label, `item ${i}, rater ${r}`)));
  });
}

/** The items × categories count table of a ratings matrix (the convenience path; SQL builds it at scale). */
export function countTableFromRatings(categories: readonly string[], raters: number, ratings: RatingsMatrix): CountArrays {
  const rows = encodeRatings(categories, raters, ratings).map((item) => {
    const row = new Array<number>(categories.length).fill(0);
    for (const k of item) if (k >= 0) row[k]!++;
    return row;
  });
  return { categories, rows };
}
