import { hostname } from 'node:os';
import path from 'node:path';
import type { Device } from '@ferbench/inference';
import { type VerifiedCopy, runModelOnDataset, verifyDatasetCopy } from '@ferbench/runs';
import { datasetContentSha256, pgRows, refreshAgreementPatterns } from '@ferbench/scores';
import { type Task, run } from 'graphile-worker';
import pg from 'pg';
import { migrateQueue, queueLogger } from './migrate-queue.js';
import { CHUNK_ATTEMPTS, DEFAULT_QUEUE_CHUNK_SIZE, PLAN_SUBMISSION_TASK, PREDICT_CHUNK_TASK, type PlanSubmissionPayload, type PredictChunkPayload } from './queue-tasks.js';
import { failChunk, finishChunk, planSubmission, startChunk } from './submission-state.js';

export interface QueueWorkerOptions {
  databaseUrl: string;
  /** Folder that registered models' card files are relative to (submitted models have absolute ones). */
  modelsDir: string;
  /** Folder of the face detector, for cards that crop or align. */
  detectorsDir?: string | undefined;
  /**
   * This machine's copies of the datasets: `<datasetsDir>/<dataset id>/<image key>`. Each copy is checked against
   * the dataset's content hash before the first chunk of it is predicted (again when the hash changes); a copy
   * that differs fails the chunk naming the first differing file. Undefined: the paths stored at import (a disk
   * shared with the machine that imported them).
   */
  datasetsDir?: string | undefined;
  /**
   * FERBENCH_DATA_DIR of this machine: model files the card names but this machine lacks are fetched from the
   * database into <dataDir>/models/<sha256>.onnx. Undefined: card files must be here.
   */
  dataDir?: string | undefined;
  device: Device;
  /** How this worker signs the chunks it predicts and the log lines it writes; default host:pid. */
  workerId?: string | undefined;
  /** Jobs at once; 1 (the default) lets one model use every core. */
  concurrency?: number | undefined;
  /** Images per chunk when this worker plans a submission. */
  chunkSize?: number | undefined;
  batchSize?: number | undefined;
  /** Preprocessing threads per chunk. */
  workers?: number | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface QueueWorker {
  workerId: string;
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
  /** Takes no new job, lets the running ones finish, then lets go of the database. */
  stop(): Promise<void>;
}

/**
 * A graphile-worker pool running the submission jobs. Any number of these, in any number of processes or
 * machines on one database, share the queue: each job is locked by one worker at a time, each chunk is one job,
 * and the runner's run locks plus ON CONFLICT on predictions keep a face from being predicted twice even if a
 * job is retried while a presumed-dead worker still runs it.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const log = options.log ?? (() => {});
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  const concurrency = options.concurrency ?? 1;
  // graphile-worker keeps one connection LISTENing and one for its own queries; each job holds one for its run and
  // briefly another for status changes.
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: concurrency * 2 + 3 });
  pool.on('error', (error) => log(`database: ${error.message}`));
  await migrateQueue(pool, log);

  // Each dataset copy is hashed once per content hash, however many chunks of it this worker runs.
  const verified = new Map<string, Promise<VerifiedCopy>>();
  const datasetCopy = async (datasetId: string): Promise<string | undefined> => {
    if (options.datasetsDir === undefined) return undefined;
    const root = path.join(options.datasetsDir, datasetId);
    const content = await datasetContentSha256(pgRows(pool), datasetId);
    const key = `${datasetId}\n${content}`;
    let check = verified.get(key);
    if (check === undefined) {
      check = verifyDatasetCopy(pool, datasetId, root);
      verified.set(key, check);
      check.then(
        (copy) => log(`worker ${workerId}: dataset ${datasetId} at ${root}: ${copy.images} images match content sha256 ${copy.contentSha256}`),
        () => verified.delete(key),
      );
    }
    await check;
    return root;
  };

  // When a submission's last chunk is in, each of its datasets' default agreement question is counted once, so
  // the first agreement query after it reads the stored patterns. A failure here only costs that query a recount.
  const refreshAgreement = async (submissionId: string): Promise<void> => {
    const { rows } = await pool.query<{ dataset_id: string }>('SELECT DISTINCT dataset_id FROM submission_chunks WHERE submission_id = $1 ORDER BY 1', [submissionId]);
    for (const { dataset_id: datasetId } of rows)
      await refreshAgreementPatterns(pgRows(pool), datasetId).then(
        (table) => log(`submission ${submissionId}: ${datasetId} agreement patterns ${table?.source ?? 'not'} counted`),
        (error: unknown) => log(`submission ${submissionId}: ${datasetId} agreement patterns not refreshed: ${error instanceof Error ? error.message : String(error)}`),
      );
  };

  const plan: Task = async (payload) => {
    const { submissionId } = payload as PlanSubmissionPayload;
    const chunks = await planSubmission(pool, submissionId, options.chunkSize ?? DEFAULT_QUEUE_CHUNK_SIZE, workerId);
    log(`submission ${submissionId}: ${chunks} chunk(s) queued`);
  };
  const predict: Task = async (payload, helpers) => {
    const { chunkId } = payload as PredictChunkPayload;
    const chunk = await startChunk(pool, chunkId, workerId);
    if (chunk === null) return;
    try {
      const imageRoot = await datasetCopy(chunk.datasetId);
      const summary = await runModelOnDataset(pool, chunk.modelId, chunk.datasetId, {
        imageRoot,
        modelCacheDir: options.dataDir === undefined ? undefined : path.join(options.dataDir, 'models'),
        modelsDir: options.modelsDir,
        detectorsDir: options.detectorsDir,
        device: options.device,
        batchSize: options.batchSize,
        workers: options.workers,
        progress: false,
        imageIds: { first: chunk.firstImageId, last: chunk.lastImageId },
        log,
      });
      if (summary.status === 'failed') throw new Error(summary.error ?? 'the run failed');
      const closed = await finishChunk(pool, chunk, workerId, summary);
      log(`submission ${chunk.submissionId}: ${chunk.datasetId} images ${chunk.firstImageId}–${chunk.lastImageId} done (${summary.predicted} predicted)`);
      if (closed) await refreshAgreement(chunk.submissionId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await failChunk(pool, chunk, workerId, message, { number: helpers.job.attempts, of: helpers.job.max_attempts ?? CHUNK_ATTEMPTS });
      throw error;
    }
  };

  const runner = await run({
    pgPool: pool,
    concurrency,
    noHandleSignals: true,
    logger: queueLogger(log),
    taskList: { [PLAN_SUBMISSION_TASK]: plan, [PREDICT_CHUNK_TASK]: predict },
  });
  log(`worker ${workerId}: waiting for jobs (${concurrency} at a time, device ${options.device})`);
  const done = runner.promise.finally(() => pool.end());
  return {
    workerId,
    done,
    async stop() {
      await runner.stop();
      await done;
    },
  };
}
