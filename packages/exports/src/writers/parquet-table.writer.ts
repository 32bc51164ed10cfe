import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import type { Cell, Column, ColumnType, Row } from './columns.js';
import { FileSink } from './file-sink.js';
import type { TableWriter } from './table-writer.js';

/** Rows per row group: large enough for good compression, small enough that one group is a few MiB in memory. */
export const PARQUET_ROW_GROUP = 65_536;

const PHYSICAL: Record<ColumnType, Omit<SchemaElement, 'name' | 'repetition_type'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  int: { type: 'INT32' },
  bigint: { type: 'INT64' },
  float32: { type: 'FLOAT' },
  float64: { type: 'DOUBLE' },
  json: { type: 'BYTE_ARRAY', converted_type: 'JSON' },
};

function parquetValue(value: Cell, type: ColumnType): unknown {
  if (value === null) return null;
  if (type === 'bigint') return typeof value === 'bigint' ? value : BigInt(value as string | number);
  if (type === 'json') return JSON.stringify(value);
  if (type === 'float32') return Math.fround(value as number);
  return value;
}

/**
 * Parquet through hyparquet-writer's incremental ParquetWriter: rows are gathered into row groups of
 * PARQUET_ROW_GROUP, each group is encoded and flushed to the file before the next is gathered, so memory holds
 * one group (plus the footer's per-group metadata) whatever the table's size. Snappy-compressed; created_by is
 * "ferbench" without a version so that the same rows give the same bytes.
 */
export function parquetTableWriter(file: string, columns: readonly Column[]): TableWriter {
  const sink = new FileSink(file);
  const bytes = new ByteWriter(1 << 20);
  let pendingFlush: Promise<void> = Promise.resolve();
  const writer = Object.assign(bytes, {
    flush(): Promise<void> {
      const chunk = new Uint8Array(bytes.buffer.slice(0, bytes.index));
      bytes.index = 0;
      pendingFlush = pendingFlush.then(() => sink.write(chunk));
      return pendingFlush;
    },
    finish(): Promise<void> {
      return writer.flush();
    },
  });
  const schema: SchemaElement[] = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({ name: c.name, repetition_type: c.nullable ? ('OPTIONAL' as const) : ('REQUIRED' as const), ...PHYSICAL[c.type] })),
  ];
  const parquet = new ParquetWriter({ writer, schema, createdBy: 'ferbench' });
  let group: unknown[][] = columns.map(() => []);
  let grouped = 0;
  let rows = 0;

  async function writeGroup(): Promise<void> {
    if (grouped === 0) return;
    const columnData = columns.map((c, k) => ({ name: c.name, data: group[k]!, nullable: c.nullable }));
    group = columns.map(() => []);
    grouped = 0;
    await parquet.write({ columnData: columnData as never, rowGroupSize: PARQUET_ROW_GROUP });
  }

  return {
    columns,
    async write(batch: readonly Row[]) {
      for (const row of batch) {
        for (let k = 0; k < columns.length; k++) group[k]!.push(parquetValue(row[k] ?? null, columns[k]!.type));
        grouped++;
        if (grouped === PARQUET_ROW_GROUP) await writeGroup();
      }
      rows += batch.length;
    },
    async finish() {
      await writeGroup();
      await parquet.finish();
      await sink.close();
      return rows;
    },
  };
}
