import { type DetectedFace, chooseExecutionProviders, ORT_VERSION, OrtModel, canonicalPredictor } from '@ferbench/inference';
import { registeredModel } from '@ferbench/models';
import { chunks, prefetch } from '@ferbench/shared';
import type pg from 'pg';
import { type PendingImage, pendingImages } from './pending-images.js';
import { type FailureRow, type PredictionRow, PredictionWriter } from './prediction-writer.js';
import { PreprocessPool } from './preprocess-pool.js';
import { createProgress } from './progress.js';
import { RunError, RunErrorCode } from './run-error.js';
import { type RunFaces, runFaces } from './run-faces.js';
import { tryLockRun, unlockRun } from './run-lock.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE, type RunOptions, defaultWorkers } from './run-options.js';
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
  error?: string;
}

/**
 * Predicts every image of the dataset that the model has not predicted yet, and records the run. Batches are
 * decoded on worker threads ahead of the model, predictions committed in chunks behind it.
 */
export async function runModelOnDataset(pool: pg.Pool, modelId: string, datasetId: string, options: RunOptions): Promise<RunSummary> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const providers = chooseExecutionProviders(options.device);
  const range = options.imageIds;
  const client = await pool.connect();
  try {
    if (!(await tryLockRun(client, modelId, datasetId, range)))
      throw new RunError(
        RunErrorCode.RunInProgress,
        `model ${modelId} is already running on ${datasetId}${range ? ` (images ${range.first}–${range.last})` : ''} in another process`,
      );
    try {
      const interrupted = await closeInterruptedRuns(client, modelId, datasetId, range);
      if (interrupted > 0) log(`${modelId} on ${datasetId}: ${interrupted} interrupted run(s) marked failed; resuming`);
      const { total, pending } = await pendingImages(client, modelId, datasetId, range);
      const summary: RunSummary = { modelId, datasetId, runId: null, status: 'up-to-date', images: total, pending: pending.length, predicted: 0, failed: 0, executionProvider: null, seconds: 0, facesPerSecond: null };
      if (pending.length === 0) return summary;

      summary.executionProvider = providers.chosen;
      const runId = await startRun(client, {
        modelId,
        datasetId,
        device: options.device,
        executionProvider: providers.chosen,
        ortVersion: ORT_VERSION,
        batchSize,
        nImages: pending.length,
        imageIds: range,
      });
      summary.runId = runId;
      try {
        await predictPending(client, runId, modelId, datasetId, pending, options, providers, summary);
        summary.status = 'done';
        await finishRun(client, runId, { facesPerSecond: summary.facesPerSecond });
      } catch (error) {
        summary.status = 'failed';
        summary.error = error instanceof Error ? error.message : String(error);
        await finishRun(client, runId, { facesPerSecond: null, error: summary.error });
      }
      return summary;
    } finally {
      await unlockRun(client, modelId, datasetId, range);
    }
  } finally {
    client.release();
  }
}

async function predictPending(
  client: pg.PoolClient,
  runId: string,
  modelId: string,
  datasetId: string,
  pending: PendingImage[],
  options: RunOptions,
  providers: ReturnType<typeof chooseExecutionProviders>,
  summary: RunSummary,
): Promise<void> {
  const log = options.log ?? (() => {});
  const { card, file } = await registeredModel(client, modelId, options.modelsDir);
  const workers = options.workers ?? defaultWorkers();
  log(`${modelId} on ${datasetId}: ${pending.length} of ${summary.images} images to predict; execution providers [${providers.providers.join(', ')}] → ${providers.chosen}; batch ${options.batchSize ?? DEFAULT_BATCH_SIZE}, ${workers} preprocessing worker(s), onnxruntime ${ORT_VERSION}`);
  // Cards that crop or align need each image's face: detected once (cached across models), before the model loads.
  let faces: RunFaces | undefined;
  if (card.input.crop !== 'none') {
    faces = await runFaces(client, pending, options, providers);
    log(`${modelId} on ${datasetId}: crop "${card.input.crop}": faces in ${faces.faces.size} of ${pending.length} images (${faces.detected} detected now, ${faces.reused} from the cache), ${faces.failures.length} without`);
  }
  const toPredict = faces === undefined ? pending : pending.filter((i) => faces.faces.has(i.id));
  const model = await OrtModel.open(card, file, providers);
  if (model.batchPlan.note !== '') log(`${modelId}: ${model.batchPlan.note}`);
  const preprocess = new PreprocessPool(card.input, workers);
  const predictor = canonicalPredictor(card.output);
  const progress = createProgress(`${modelId} × ${datasetId}`, pending.length, options.progress);
  const writer = new PredictionWriter(client, modelId, runId, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  try {
    await preprocess.ready;
    const started = performance.now();
    if (faces !== undefined && faces.failures.length > 0) {
      await writer.add([], faces.failures);
      progress.increment(faces.failures.length);
    }
    const batches = chunks(toPredict, options.batchSize ?? DEFAULT_BATCH_SIZE);
    const faceList = (images: PendingImage[]): (DetectedFace | null)[] | undefined => (faces === undefined ? undefined : images.map((i) => faces.faces.get(i.id) ?? null));
    // Enough batches in flight to keep every worker busy while the model works on the current one.
    const prepared = prefetch(batches, workers * 2 + 1, async (images) => ({ images, result: await preprocess.prepare(images.map((i) => i.path), faceList(images)) }));
    for await (const { images, result } of prepared) {
      const rows: PredictionRow[] = [];
      const failures: FailureRow[] = [];
      let outputs: Float32Array | undefined;
      let batchError: string | undefined;
      if (result.errors.some((e) => e === null)) {
        try {
          outputs = await model.predict(result.tensor, images.length);
        } catch (error) {
          batchError = `inference failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
      images.forEach((image, i) => {
        const error = result.errors[i] ?? batchError;
        if (error !== undefined && error !== null) return void failures.push({ imageId: image.id, error });
        try {
          const k = model.classCount;
          rows.push({ imageId: image.id, ...predictor((outputs as Float32Array).subarray(i * k, (i + 1) * k)) });
        } catch (e) {
          failures.push({ imageId: image.id, error: e instanceof Error ? e.message : String(e) });
        }
      });
      for (const f of failures) log(`${modelId} on ${datasetId}: ${images.find((i) => i.id === f.imageId)?.path ?? f.imageId} failed: ${f.error}`);
      await writer.add(rows, failures);
      progress.increment(images.length);
    }
    await writer.finish();
    summary.seconds = (performance.now() - started) / 1000;
    summary.facesPerSecond = summary.seconds > 0 ? writer.written / summary.seconds : null;
  } finally {
    summary.predicted = writer.written;
    summary.failed = writer.failed;
    progress.stop();
    await preprocess.close();
    await model.release();
  }
}
