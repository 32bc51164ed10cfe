import type { Column, Row } from './columns.js';

/** The file formats of an export. */
export const EXPORT_FORMATS = ['csv', 'parquet', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension per format (json is JSON Lines: one object per line, so it streams). */
export const FORMAT_EXTENSION: Record<ExportFormat, string> = { csv: 'csv', parquet: 'parquet', json: 'jsonl' };

/** Writes one table to one file, batch after batch, so that no more than a batch is ever held. */
export interface TableWriter {
  readonly columns: readonly Column[];
  write(rows: readonly Row[]): Promise<void>;
  /** Ends the file; returns the number of rows written. */
  finish(): Promise<number>;
}
