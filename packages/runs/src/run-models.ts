import { chooseExecutionProviders } from '@ferbench/inference';
import { zooModelIds } from '@ferbench/models';
import { BUILTIN_ENSEMBLES, type EnsembleSummary, pgRows, pgTransaction, refreshAgreementPatterns, refreshEnsembles } from '@ferbench/scores';
import { chunks, validateModelCard } from '@ferbench/shared';
import type pg from 'pg';
import { groupBy, preprocessingKey } from './preprocessing-key.js';
import { RunError, RunErrorCode } from './run-error.js';
import { type RunSummary, runModelGroup } from './run-model.js';
import type { RunOptions } from './run-options.js';

export interface RunModelsOptions extends RunOptions {
  /** Dataset ids, or 'all' registered. */
  datasets: readonly string[] | 'all';
  /** Model ids, or 'all' registered. */
  models: readonly string[] | 'all';
  /** Feed models with the same preprocessing from one decoded batch (default true); false: one model at a time. */
  shareBatches?: boolean | undefined;
  /** Recompute the ensembles of the models that predicted something new (default true). */
  refreshEnsembles?: boolean;
}

export async function resolveIds(pool: pg.Pool, table: 'models' | 'datasets', wanted: readonly string[] | 'all'): Promise<string[]> {
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
 * The chosen models in groups that share one preprocessing (registration order kept within a group). Each model
 * of a running group holds one pooled connection (its lock and writer), so a group has at most the pool's size
 * less one models: a larger one would wait forever for a connection that only its own members hold.
 */
async function preprocessingGroups(pool: pg.Pool, models: readonly string[]): Promise<string[][]> {
  const { rows } = await pool.query<{ id: string; card: unknown }>('SELECT id, card FROM models WHERE id = ANY($1)', [models]);
  const keys = new Map(rows.map((r) => [r.id, preprocessingKey(validateModelCard(r.card, `models.card of ${r.id}`))]));
  const perGroup = Math.max(1, (pool.options.max ?? 10) - 1);
  return groupBy(models, (id) => keys.get(id) ?? id).flatMap((group) => [...chunks(group, perGroup)]);
}

/**
 * Runs every chosen model on every chosen dataset. Per dataset, models that share one preprocessing run as a
 * group (each face decoded and preprocessed once for all of them), the groups one after another. A model that
 * fails is recorded as a failed run and the others still run; look at each summary's status. Summaries come in
 * dataset order, then model order, as asked. When a dataset got new predictions, its default agreement question
 * is counted once more (refreshAgreementPatterns), so the first agreement query after the run reads it.
 */
export async function runModels(pool: pg.Pool, options: RunModelsOptions): Promise<RunSummary[]> {
  chooseExecutionProviders(options.device); // an unusable device fails here, before any run is recorded
  const models = await resolveIds(pool, 'models', options.models);
  const datasets = await resolveIds(pool, 'datasets', options.datasets);
  const groups = options.shareBatches === false ? models.map((id) => [id]) : await preprocessingGroups(pool, models);
  const summaries: RunSummary[] = [];
  for (const datasetId of datasets) {
    const byModel = new Map<string, RunSummary>();
    for (const group of groups) for (const s of await runModelGroup(pool, group, datasetId, options)) byModel.set(s.modelId, s);
    for (const id of models) summaries.push(byModel.get(id) as RunSummary);
  }
  if (options.refreshEnsembles !== false) await refreshAfterRuns(pool, summaries, options.log);
  // After the ensembles: their rows move a dataset's prediction version too.
  for (const datasetId of datasets)
    if (summaries.some((s) => s.datasetId === datasetId && s.predicted > 0)) await refreshAgreement(pool, datasetId, options.log);
  return summaries;
}

/** A failed refresh only costs the next agreement query a recount; the run itself is done. */
async function refreshAgreement(pool: pg.Pool, datasetId: string, log: ((line: string) => void) | undefined): Promise<void> {
  try {
    const started = performance.now();
    const table = await refreshAgreementPatterns(pgRows(pool), datasetId);
    if (table !== null) log?.(`${datasetId}: agreement patterns ${table.source === 'counted' ? 'counted' : 'current'} (${table.patterns.length} patterns, ${((performance.now() - started) / 1000).toFixed(2)} s)`);
  } catch (error) {
    log?.(`${datasetId}: agreement patterns not refreshed: ${error instanceof Error ? error.message : String(error)}`);
  }
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
