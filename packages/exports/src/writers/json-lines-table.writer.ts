import type { Column, Row } from './columns.js';
import { FileSink } from './file-sink.js';
import type { TableWriter } from './table-writer.js';

/** JSON Lines: one object per row, keys in column order; 64-bit ids as strings (JSON numbers lose them past 2^53). */
export function jsonLinesTableWriter(file: string, columns: readonly Column[]): TableWriter {
  const sink = new FileSink(file);
  let rows = 0;
  return {
    columns,
    async write(batch: readonly Row[]) {
      let text = '';
      for (const row of batch) {
        const record: Record<string, unknown> = {};
        columns.forEach((c, k) => {
          const value = row[k] ?? null;
          record[c.name] = typeof value === 'bigint' ? value.toString() : value;
        });
        text += `${JSON.stringify(record)}\n`;
      }
      rows += batch.length;
      if (text !== '') await sink.write(text);
    },
    async finish() {
      await sink.close();
      return rows;
    },
  };
}
