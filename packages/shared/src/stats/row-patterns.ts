import { type ItemCounts, type PatternTable, checkedCountRows, isPatternTable } from './count-table.js';

/** A distinct count row and how many items have it. */
export interface RowPattern {
  readonly counts: ArrayLike<number>;
  readonly total: number;
  readonly weight: number;
}

/**
 * Collapses the items into their distinct count rows in one pass. Every per-item quantity depends only on the
 * row, and 10 raters × 8 categories allow at most a few tens of thousands of rows, so statistics that need two
 * passes over the items (a variance around an estimate) make them over this instead of re-reading a stream.
 */
export function tallyRowPatterns(table: ItemCounts): RowPattern[] {
  const patterns = new Map<string, { counts: number[]; total: number; weight: number }>();
  for (const { row, total, weight } of checkedCountRows(table)) {
    const counts = Array.from(row);
    const key = counts.join(',');
    const found = patterns.get(key);
    if (found === undefined) patterns.set(key, { counts, total, weight });
    else found.weight += weight;
  }
  return [...patterns.values()];
}

/**
 * The items as weighted rows that can be walked twice: a pattern table as it is (checked, weight-0 patterns
 * left out, repeats harmless because every use is a weighted sum), a count table tallied.
 */
export function rowPatterns(input: ItemCounts): RowPattern[] {
  if (!isPatternTable(input)) return tallyRowPatterns(input);
  return [...checkedCountRows(input)].map(({ row, total, weight }) => ({ counts: row, total, weight }));
}

/** The distinct rows of a count table with their multiplicities, as SQL's `GROUP BY counts` would return them. */
export function patternTable(table: ItemCounts): PatternTable {
  return { categories: table.categories, patterns: tallyRowPatterns(table) };
}
