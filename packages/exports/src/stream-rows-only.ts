import type pg from 'pg';
import { resolveSelection } from './export-selection.js';
import { predictionsTable } from './tables/predictions.table.js';

/**
 * The predictions of an export streamed and shaped exactly as exportResults does, but written nowhere: the baseline
 * `npm run bench` compares the CSV and Parquet writers with. Returns the rows seen.
 */
export async function streamPredictionsOnly(pool: pg.Pool, datasets: readonly string[] | 'all', models: readonly string[] | 'all'): Promise<number> {
  const selection = await resolveSelection(pool, datasets, models);
  const context = { pool, selection, omitImagePaths: false, bootstrap: { resamples: 0, seed: 1 }, figures: { leaderboard: [], agreement: [] } };
  let rows = 0;
  for await (const batch of predictionsTable.rows(context)) rows += batch.length;
  return rows;
}
