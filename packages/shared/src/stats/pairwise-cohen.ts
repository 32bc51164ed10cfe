import { type CohenKappa, type PairTable, cohenKappa } from './cohen-kappa.js';
import { type RatingsMatrix, encodeRatings } from './ratings-matrix.js';

/** One pair of raters and their Q×Q table over the items both rated (first rater = rows). */
export interface RaterPair {
  readonly first: string;
  readonly second: string;
  readonly table: PairTable;
}

/** κ for every pair, mirrored: matrix[a][b] = matrix[b][a]; no diagonal. */
export type CohenMatrix = Record<string, Record<string, CohenKappa>>;

/** Cohen's κ for every pair of raters, from per-pair tables (SQL: GROUP BY rater pair, label a, label b). */
export function pairwiseCohenKappa(pairs: Iterable<RaterPair>): CohenMatrix {
  const matrix: CohenMatrix = {};
  for (const { first, second, table } of pairs) {
    if (first === second) throw new RangeError(`rater "${first}" is paired with itself`);
    const kappa = cohenKappa(table);
    (matrix[first] ??= {})[second] = kappa;
    (matrix[second] ??= {})[first] = kappa;
  }
  return matrix;
}

/** The Q×Q table of every pair of raters (in rater order) over the items both rated, in one pass. */
export function pairTablesFromRatings(categories: readonly string[], raters: readonly string[], ratings: RatingsMatrix): RaterPair[] {
  const q = categories.length;
  const tables: number[][][] = [];
  const pairs: RaterPair[] = [];
  raters.forEach((first, a) =>
    raters.slice(a + 1).forEach((second) => {
      const table = categories.map(() => new Array<number>(q).fill(0));
      tables.push(table);
      pairs.push({ first, second, table });
    }),
  );
  for (const item of encodeRatings(categories, raters.length, ratings)) {
    let pair = 0;
    for (let a = 0; a < item.length; a++)
      for (let b = a + 1; b < item.length; b++, pair++) {
        const x = item[a]!;
        const y = item[b]!;
        if (x >= 0 && y >= 0) tables[pair]![x]![y]!++;
      }
  }
  return pairs;
}
