import type pg from 'pg';
import type { ExportSelection } from '../export-selection.js';
import type { ResultFigures } from '../result-figures.js';
import type { Column, Row } from '../writers/columns.js';

export interface ExportContext {
  pool: pg.Pool;
  selection: ExportSelection;
  /** Leave out image paths and keys (a private dataset): hashes, votes and attributes stay. */
  omitImagePaths: boolean;
  /** Bootstrap of the agreement figures. */
  bootstrap: { resamples: number; seed: number };
  /** Leaderboard and agreement, computed once per export. */
  figures: ResultFigures;
}

/** One table of an export: its columns and its rows, batch after batch. */
export interface ExportTable {
  name: 'predictions' | 'images' | 'models' | 'leaderboard' | 'agreement';
  columns(context: ExportContext): Column[];
  rows(context: ExportContext): AsyncIterable<Row[]>;
}
