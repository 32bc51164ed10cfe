import { chooseExecutionProviders } from '@ferbench/inference';
import { zooModelIds } from '@ferbench/models';
import { BUILTIN_ENSEMBLES, type EnsembleSummary, pgTransaction, refreshEnsembles } from '@ferbench/scores';
import type pg from 'pg';
import { RunError, RunErrorCode } from './run-error.js';
import { type RunSummary, runModelOnDataset } from './run-model.js';
import type { RunOptions } from './run-options.js';

export interface RunModelsOptions extends RunOptions {
  /** Dataset ids, or 'all' registered. */
  datasets: readonly string[] | 'all';
  /** Model ids, or 'all' registered. */
  models: readonly string[] | 'all';
  /** Recompute the ensembles of the models that predicted something new (default true). */
  refreshEnsembles?: boolean;
}

async function resolveIds(pool: pg.Pool, table: 'models' | 'datasets', wanted: readonly string[] | 'all'): Promise<string[]> {
  // ensembles have nothing to run: their predictions are computed from their members' (refreshEnsembles)
  const runnable = table === 'models' ? ` WHERE card->>'kind' IS DISTINCT FROM 'ensemble'` : '';
  const known = (await pool.query<{ id: string }>(`SELECT id FROM ${table}${runnable} ORDER BY id`)).rows.map((r) => r.id);
  if (wanted === 'all') return known;
  const unknown = wanted.filter((id) => !known.includes(id));
  if (table === 'models' && unknown.length > 0) {
    const ensembles = (await pool.query<{ id: string }>(`SELECT id FROM models WHERE id = ANY($1) AND card->>'kind' = 'ensemble'`, [unknown])).rows.map((r) => r.id);
    if (ensembles.length > 0)
      throw new RunError(RunErrorCode.ModelNotFound, `${ensembles.join(', ')}: an ensemble has nothing to run; its predictions come from its members' (ferbench ensemble refresh)`);
  }
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
  if (options.refreshEnsembles !== false) await refreshAfterRuns(pool, summaries, options.log);
  return summaries;
}

/**
 * Recomputes the ensembles of the models that predicted something new (zoo-mean and zoo-vote are created once
 * two zoo models are registered), so an ensemble never lags behind its members' predictions.
 */
async function refreshAfterRuns(pool: pg.Pool, summaries: readonly RunSummary[], log: RunModelsOptions['log']): Promise<EnsembleSummary[]> {
  const zooIds = zooModelIds();
  const changed = [...new Set(summaries.filter((s) => s.predicted > 0).map((s) => s.modelId))];
  const builtins = (await pool.query<{ id: string }>(`SELECT id FROM models WHERE id = ANY($1)`, [BUILTIN_ENSEMBLES.map((b) => b.id)])).rows.length;
  const createBuiltins = builtins < BUILTIN_ENSEMBLES.length && summaries.some((s) => zooIds.has(s.modelId));
  const only = [...changed, ...(createBuiltins ? BUILTIN_ENSEMBLES.map((b) => b.id) : [])];
  if (only.length === 0) return [];
  const refreshed = await refreshEnsembles(pgTransaction(pool), { zooIds, only });
  for (const e of refreshed)
    log?.(`ensemble ${e.id} (${e.rule} of ${e.members.length}): ${e.datasets.map((d) => `${d.datasetId} ${d.faces} faces`).join(', ') || 'no dataset every member predicted'}`);
  return refreshed;
}
