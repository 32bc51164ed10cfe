import type pg from 'pg';
import type { ImageIdRange } from './run-options.js';

export interface RunStart {
  modelId: string;
  datasetId: string;
  device: string;
  executionProvider: string;
  ortVersion: string;
  batchSize: number;
  nImages: number;
  /** The id range the run covers; undefined: the whole dataset. */
  imageIds?: ImageIdRange | undefined;
}

/**
 * Runs of (model, dataset) still marked running while we hold their lock belong to processes that died: say so,
 * rather than leaving them running forever. The whole-dataset lock covers every run of the pair; a range lock
 * only the runs of that range.
 */
export async function closeInterruptedRuns(client: pg.PoolClient, modelId: string, datasetId: string, range?: ImageIdRange): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE runs SET status = 'failed', finished_at = now(), error = 'interrupted: the process stopped before the run finished'
     WHERE model_id = $1 AND dataset_id = $2 AND status = 'running'
       AND ($3::bigint IS NULL OR (first_image_id = $3 AND last_image_id = $4))`,
    [modelId, datasetId, range?.first ?? null, range?.last ?? null],
  );
  return rowCount ?? 0;
}

export async function startRun(client: pg.PoolClient, run: RunStart): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO runs (model_id, dataset_id, status, device, execution_provider, ort_version, batch_size, n_images, first_image_id, last_image_id)
     VALUES ($1, $2, 'running', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [run.modelId, run.datasetId, run.device, run.executionProvider, run.ortVersion, run.batchSize, run.nImages, run.imageIds?.first ?? null, run.imageIds?.last ?? null],
  );
  return (rows[0] as { id: string }).id;
}

export async function finishRun(client: pg.PoolClient, runId: string, outcome: { facesPerSecond: number | null; error?: string }): Promise<void> {
  await client.query(`UPDATE runs SET status = $2, finished_at = now(), faces_per_s = $3, error = $4 WHERE id = $1`, [
    runId,
    outcome.error === undefined ? 'done' : 'failed',
    outcome.facesPerSecond,
    outcome.error ?? null,
  ]);
}
