import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';

/**
 * Every row of a Parquet file as a plain object, read by a different implementation than the writer's: parquet-wasm
 * (the Rust `parquet` crate of Apache Arrow, compiled to WebAssembly) into an Arrow table (apache-arrow). INT64
 * comes back as bigint, FLOAT as the float32 value, strings as strings.
 */
export function readParquetRows(file: string): { columns: string[]; rows: Record<string, unknown>[] } {
  const table = tableFromIPC(readParquet(readFileSync(file)).intoIPCStream());
  const columns = table.schema.fields.map((f) => f.name);
  const rows = table.toArray().map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());
  return { columns, rows };
}
