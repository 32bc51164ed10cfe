/**
 * Items × categories counts r_ik: how many raters (models) gave item (face) i category k. This is what SQL
 * produces with `GROUP BY image, label`, so every multi-rater statistic is a formula over these rows and never
 * needs the raw ratings. `rows` may be an array or any iterable (a stream of a million faces); each statistic
 * walks it once.
 */
export interface CountTable {
  /** Declared categories, in order; each row has one count per category. */
  readonly categories: readonly string[];
  readonly rows: Iterable<ArrayLike<number>>;
}

/** A count table held in memory, which can be indexed (for resampling) and walked many times. */
export interface CountArrays extends CountTable {
  readonly rows: readonly ArrayLike<number>[];
}

/**
 * The same items as distinct count rows, each with how many items have it: what SQL returns when it groups the
 * per-face count vectors (`GROUP BY counts`), a handful of rows even for a million faces. Every multi-rater
 * statistic is a sum over items, so it takes this as well as one row per item.
 */
export interface PatternTable {
  readonly categories: readonly string[];
  readonly patterns: readonly WeightedCounts[];
}

/** A count row and the number of items (a non-negative integer) that have it. */
export interface WeightedCounts {
  readonly counts: ArrayLike<number>;
  readonly weight: number;
}

/** Items' counts: one row per item, or one row per distinct pattern with its multiplicity. */
export type ItemCounts = CountTable | PatternTable;

export function isPatternTable(input: ItemCounts): input is PatternTable {
  return 'patterns' in input;
}

/** A row that passed the shape check, with r_i (its number of ratings) and the items it stands for. */
export interface CheckedRow {
  readonly row: ArrayLike<number>;
  readonly total: number;
  readonly weight: number;
}

/** r_i of a row after checking that it has one non-negative integer count per category. */
function checkedTotal(categories: readonly string[], row: ArrayLike<number>, where: string): number {
  const q = categories.length;
  if (row.length !== q) throw new RangeError(`${where} has ${row.length} counts, expected ${q} (one per category)`);
  let total = 0;
  for (let k = 0; k < q; k++) {
    const x = row[k]!;
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`${where}, category "${categories[k]}": ${x} is not a non-negative integer`);
    total += x;
  }
  return total;
}

/**
 * The rows with their totals and weights after checking each one's shape, so a bad GROUP BY (a missing column, a
 * negative or fractional count or weight) fails loudly instead of producing a plausible wrong κ. Patterns of
 * weight 0 (absent from a bootstrap resample) are skipped.
 */
export function* checkedCountRows(input: ItemCounts): Generator<CheckedRow> {
  const { categories } = input;
  if (!isPatternTable(input)) {
    let index = 0;
    for (const row of input.rows) yield { row, total: checkedTotal(categories, row, `count row ${index++}`), weight: 1 };
    return;
  }
  for (const [index, { counts, weight }] of input.patterns.entries()) {
    if (!Number.isInteger(weight) || weight < 0) throw new RangeError(`pattern ${index}: weight ${weight} is not a non-negative integer`);
    const total = checkedTotal(categories, counts, `pattern ${index}`);
    if (weight > 0) yield { row: counts, total, weight };
  }
}
