/**
 * A column of an exported table: its name and what it holds. Every writer (CSV, Parquet, JSON Lines) reads the same
 * list, so the three files of a table always have the same columns in the same order.
 * - string: text; int: a 32-bit integer; bigint: a 64-bit id (given as a decimal string or bigint);
 * - float32: a probability as Postgres stores it (real), written as float32 bits in Parquet;
 * - float64: a statistic (double); json: a JSON value, written as its JSON text.
 */
export type ColumnType = 'string' | 'int' | 'bigint' | 'float32' | 'float64' | 'json';

export interface Column {
  name: string;
  type: ColumnType;
  /** May hold null (empty in CSV, null in JSON, a null in Parquet). */
  nullable: boolean;
}

/** One row: one value per column, in the columns' order. */
export type Cell = string | number | bigint | boolean | null | object;
export type Row = Cell[];

export const column = (name: string, type: ColumnType, nullable = false): Column => ({ name, type, nullable });
