
/**
 * Postgres COPY text format: one line per row, tab-separated, \N for NULL, backslash escapes. Arrays are written
 * as array literals ({1,2,NULL}), which COPY parses like any other text value.
 */
export type CopyValue = string | number | bigint | null | readonly (number | null)[];

function escapeText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function arrayLiteral(values: readonly (number | null)[]): string {
  // Non-finite floats are spelled out so that Postgres reads them back as real values, not as a parse error.
  return `{${values.map((v) => (v === null ? 'NULL' : Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : String(v))).join(',')}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return arrayLiteral(value);
}

export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(copyField).join('\t')}\n`;
}
