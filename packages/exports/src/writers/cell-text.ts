import type { Cell, Column } from './columns.js';

/**
 * A cell as text (CSV, and JSON for bigint ids): numbers in JavaScript's shortest round-trip form, so a float32
 * probability read back and rounded to float32 (Math.fround, numpy.float32) is the stored value exactly.
 */
export function cellText(value: Cell, column: Column): string {
  if (value === null) return '';
  if (column.type === 'json') return JSON.stringify(value);
  return String(value);
}
