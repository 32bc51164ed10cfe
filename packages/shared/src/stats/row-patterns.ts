import { type CountTable, checkedCountRows } from './count-table.js';

/** A distinct count row and how many items have it. */
export interface RowPattern {
  readonly counts: readonly number[];
  readonly total: number;
  readonly weight: number;
}

/**
 * Collapses the items into their distinct count rows in one pass. Every per-item quantity depends only on the
 * row, and 10 raters × 8 categories allow at most a few tens of thousands of rows, so statistics that need two
 * passes over the items (a variance around an estimate) make them over this instead of re-reading a stream.
 */
export function tallyRowPatterns(table: CountTable): RowPattern[] {
  const patterns = new Map<string, { counts: number[]; total: number; weight: number }>();
  for (const { row, total } of checkedCountRows(table)) {
    const counts = Array.from(row);
    const key = counts.join(',');
    const found = patterns.get(key);
    if (found === undefined) patterns.set(key, { counts, total, weight: 1 });
    else found.weight++;
  }
  return [...patterns.values()];
}
