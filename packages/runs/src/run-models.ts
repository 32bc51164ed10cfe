import { chooseExecutionProviders } from '@ferbench/inference';
import type pg from 'pg';
import { RunError, RunErrorCode } from './run-error.js';
import { type RunSummary, runModelOnDataset } from './run-model.js';
import type { RunOptions } from './run-options.js';

export interface RunModelsOptions extends RunOptions {
  /** Dataset ids, or 'all' registered. */
  datasets: readonly string[] | 'all';
  /** Model ids, or 'all' registered. */
  models: readonly string[] | 'all';
}

export async function resolveIds(pool: pg.Pool, table: 'models' | 'datasets', wanted: readonly string[] | 'all'): Promise<string[]> {
  const known = (await pool.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => r.id);
  if (wanted === 'all') return known;
  const unknown = wanted.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw new RunError(
      table === 'models' ? RunErrorCode.ModelNotFound : RunErrorCode.DatasetNotFound,
      `unknown ${table === 'models' ? 'model' : 'dataset'}(s) ${unknown.join(', ')} (registered: ${known.join(', ') || 'none'})`,
    );
  return [...wanted];
}

/**
 * Runs every chosen model on every chosen dataset, one pair after another. A pair that fails is recorded as a
 * failed run and the others still run; look at each summary's status.
 */
export async function runModels(pool: pg.Pool, options: RunModelsOptions): Promise<RunSummary[]> {
  chooseExecutionProviders(options.device); // an unusable device fails here, before any run is recorded
  const models = await resolveIds(pool, 'models', options.models);
  const datasets = await resolveIds(pool, 'datasets', options.datasets);
  const summaries: RunSummary[] = [];
  for (const datasetId of datasets) for (const modelId of models) summaries.push(await runModelOnDataset(pool, modelId, datasetId, options));
  return summaries;
}
