import { chooseExecutionProviders, ORT_VERSION } from '@ferbench/inference';
import type pg from 'pg';
import { droppedWhileHeld } from './dropped-connection.js';
import { type GroupMember, predictGroup } from './predict-group.js';
import { pendingImages } from './pending-images.js';
import { RunError, RunErrorCode } from './run-error.js';
import { tryLockRun, unlockRun } from './run-lock.js';
import { DEFAULT_BATCH_SIZE, type RunOptions } from './run-options.js';
import { closeInterruptedRuns, finishRun, startRun } from './run-record.js';

export interface RunSummary {
  modelId: string;
  datasetId: string;
  /** null when there was nothing to predict and no run was recorded. */
  runId: string | null;
  status: 'done' | 'failed' | 'up-to-date';
  /** Images in the dataset. */
  images: number;
  /** Images this run set out to predict (those without a prediction). */
  pending: number;
  predicted: number;
  failed: number;
  executionProvider: string | null;
  /** Seconds from the first batch to the last commit (model loading and thread start-up left out). */
  seconds: number;
  facesPerSecond: number | null;
  /** The models that shared this run's decoded batches (itself included); one when it ran alone. */
  group?: string[];
  error?: string;
}

/**
 * Predicts every image of the dataset that the model has not predicted yet, and records the run. Batches are
 * decoded on worker threads ahead of the model, predictions committed in chunks behind it.
 */
export async function runModelOnDataset(pool: pg.Pool, modelId: string, datasetId: string, options: RunOptions): Promise<RunSummary> {
  return (await runModelGroup(pool, [modelId], datasetId, options))[0] as RunSummary;
}

/**
 * Runs models that share one preprocessing (see preprocessingKey) over a dataset together: each image is decoded
 * and preprocessed once and its tensor fed to every model that has not predicted it yet. Each model keeps its own
 * run lock, run record, pending set and writer, so each is resumable and recorded exactly as when it runs alone.
 */
export async function runModelGroup(pool: pg.Pool, modelIds: readonly string[], datasetId: string, options: RunOptions): Promise<RunSummary[]> {
  const log = options.log ?? (() => {});
  const providers = chooseExecutionProviders(options.device);
  const range = options.imageIds;
  const members: GroupMember[] = [];
  const locked: GroupMember[] = [];
  try {
    for (const modelId of modelIds) {
      // One connection per model: its advisory lock lives on it, and its writer's transactions run on it.
      const client = await pool.connect();
      client.on('error', droppedWhileHeld);
      const member: GroupMember = { modelId, client, runId: null, pending: [], summary: emptySummary(modelId, datasetId) };
      members.push(member);
      if (!(await tryLockRun(client, modelId, datasetId, range)))
        throw new RunError(
          RunErrorCode.RunInProgress,
          `model ${modelId} is already running on ${datasetId}${range ? ` (images ${range.first}–${range.last})` : ''} in another process`,
        );
      locked.push(member);
      const interrupted = await closeInterruptedRuns(client, modelId, datasetId, range);
      if (interrupted > 0) log(`${modelId} on ${datasetId}: ${interrupted} interrupted run(s) marked failed; resuming`);
      const { total, pending } = await pendingImages(client, modelId, datasetId, range, options.imageRoot);
      Object.assign(member.summary, { images: total, pending: pending.length });
      member.pending = pending;
    }
    const active = members.filter((m) => m.pending.length > 0);
    for (const member of active) {
      member.summary.executionProvider = providers.chosen;
      member.summary.group = active.map((m) => m.modelId);
      member.runId = await startRun(member.client, {
        modelId: member.modelId,
        datasetId,
        device: options.device,
        executionProvider: providers.chosen,
        ortVersion: ORT_VERSION,
        batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
        nImages: member.pending.length,
        imageIds: range,
      });
      member.summary.runId = member.runId;
    }
    if (active.length > 0) {
      try {
        await predictGroup(active, datasetId, options, providers);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        for (const m of active) if (m.summary.status !== 'failed') Object.assign(m.summary, { status: 'failed', error: message });
      }
      for (const m of active) {
        if (m.summary.status !== 'failed') m.summary.status = 'done';
        await finishRun(m.client, m.runId as string, m.summary.status === 'failed' ? { facesPerSecond: null, error: m.summary.error as string } : { facesPerSecond: m.summary.facesPerSecond });
      }
    }
    return members.map((m) => m.summary);
  } finally {
    for (const m of locked) await unlockRun(m.client, m.modelId, datasetId, range).catch(() => {});
    for (const m of members) {
      m.client.off('error', droppedWhileHeld); // back in the pool, the pool's own listener answers for it
      m.client.release();
    }
  }
}

function emptySummary(modelId: string, datasetId: string): RunSummary {
  return { modelId, datasetId, runId: null, status: 'up-to-date', images: 0, pending: 0, predicted: 0, failed: 0, executionProvider: null, seconds: 0, facesPerSecond: null };
}
