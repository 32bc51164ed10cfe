import type { Column } from './columns.js';
import { csvTableWriter } from './csv-table.writer.js';
import { jsonLinesTableWriter } from './json-lines-table.writer.js';
import { parquetTableWriter } from './parquet-table.writer.js';
import type { ExportFormat, TableWriter } from './table-writer.js';

const WRITERS: Record<ExportFormat, (file: string, columns: readonly Column[]) => TableWriter> = {
  csv: csvTableWriter,
  parquet: parquetTableWriter,
  json: jsonLinesTableWriter,
};

export function openTableWriter(format: ExportFormat, file: string, columns: readonly Column[]): TableWriter {
  return WRITERS[format](file, columns);
}
