import { type Column, type Row, column } from '../writers/columns.js';
import type { ExportContext, ExportTable } from './export-table.js';

const COLUMNS: Column[] = [
  column('model_id', 'string'),
  column('name', 'string'),
  column('version', 'string'),
  column('sha256', 'string'),
  column('training_data', 'string'),
  column('architecture', 'string'),
  column('licence', 'string'),
  column('source_url', 'string'),
  column('emotions', 'json'),
  column('card', 'json'),
];

/** The chosen models with their cards (the whole card as JSON, and the fields people filter on as columns). */
export const modelsTable: ExportTable = {
  name: 'models',
  columns: () => COLUMNS,
  async *rows({ selection }: ExportContext): AsyncIterable<Row[]> {
    yield selection.models.map((m) => [m.id, m.name, m.version, m.sha256, m.card.trainingData, m.card.architecture, m.card.source.licence, m.card.source.url, m.emotions, m.card]);
  },
};
