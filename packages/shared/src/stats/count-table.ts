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

/** A row that passed the shape check, with r_i (its number of ratings). */
export interface CheckedRow {
  readonly row: ArrayLike<number>;
  readonly total: number;
}

/**
 * The rows with their totals after checking each one's shape, so a bad GROUP BY (a missing column, a negative or
 * fractional count) fails loudly instead of producing a plausible wrong κ.
 */
export function* checkedCountRows(table: CountTable): Generator<CheckedRow> {
  const q = table.categories.length;
  let index = 0;
  for (const row of table.rows) {
    if (row.length !== q) throw new RangeError(`count row ${index} has ${row.length} counts, expected ${q} (one per category)`);
    let total = 0;
    for (let k = 0; k < q; k++) {
      const x = row[k]!;
      if (!Number.isInteger(x) || x < 0) throw new RangeError(`count row ${index}, category "${table.categories[k]}": ${x} is not a non-negative integer`);
      total += x;
    }
    yield { row, total };
    index++;
  }
}
