import type { Column, Row } from './columns.js';
import { cellText } from './cell-text.js';
import { FileSink } from './file-sink.js';
import type { TableWriter } from './table-writer.js';

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header line; null is an empty field; lines end with \n. */
export function csvTableWriter(file: string, columns: readonly Column[]): TableWriter {
  const sink = new FileSink(file);
  let rows = 0;
  let header = `${columns.map((c) => csvField(c.name)).join(',')}\n`;
  return {
    columns,
    async write(batch: readonly Row[]) {
      let text = header;
      header = '';
      for (const row of batch) {
        let line = '';
        for (let k = 0; k < columns.length; k++) {
          const value = row[k] ?? null;
          // Numbers never need quoting; only text (and JSON) is checked.
          line += `${k === 0 ? '' : ','}${typeof value === 'number' ? String(value) : csvField(cellText(value, columns[k]!))}`;
        }
        text += `${line}\n`;
      }
      rows += batch.length;
      if (text !== '') await sink.write(text);
    },
    async finish() {
      if (header !== '') await sink.write(header);
      await sink.close();
      return rows;
    },
  };
}
