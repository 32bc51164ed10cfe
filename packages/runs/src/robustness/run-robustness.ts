import { type DetectedFace, type InferenceModel, type Perturbation, canonicalPredictor, chooseExecutionProviders, needsFace, openModel } from '@ferbench/inference';
import { registeredModel } from '@ferbench/models';
import { chunks, prefetch } from '@ferbench/shared';
import type pg from 'pg';
import { droppedWhileHeld } from '../dropped-connection.js';
import type { PendingImage } from '../pending-images.js';
import type { FailureRow, PredictionRow } from '../prediction-writer.js';
import { type RunFaces, runFaces } from '../run-faces.js';
import { resolveIds } from '../run-models.js';
import { DEFAULT_BATCH_SIZE, type RunOptions } from '../run-options.js';
import { perturbedPending, robustnessImages } from './perturbed-images.js';
import { perturbedBatchPreparer } from './prepare-perturbed-batch.js';
import { writePerturbed } from './perturbed-writer.js';

export interface RobustnessOptions extends RunOptions {
  datasets: readonly string[] | 'all';
  models: readonly string[] | 'all';
  perturbations: readonly Perturbation[];
  /** Only every n-th image of each dataset (in id order): a spread subset, the same on every run. Default 1: all. */
  every?: number | undefined;
}

export interface RobustnessSummary {
  modelId: string;
  datasetId: string;
  perturbation: string;
  /** Images of the dataset (or of its every-n-th subset). */
  images: number;
  /** Those without a stored prediction under the perturbation when the run began. */
  pending: number;
  predicted: number;
  failed: number;
  seconds: number;
}

/**
 * Every chosen model on every chosen dataset under every perturbation, into perturbed_predictions; resumable:
 * what is stored is skipped. Faces are looked up once per dataset in the detection cache (detected where it has
 * none), for cards that crop or align and for the perturbations drawn from the landmarks, whatever the card's crop.
 * Batches are prepared on the main thread one batch ahead of the model (sharp's work runs on libuv's threads).
 */
export async function runRobustness(pool: pg.Pool, options: RobustnessOptions): Promise<RobustnessSummary[]> {
  const log = options.log ?? (() => {});
  const providers = chooseExecutionProviders(options.device);
  const models = await resolveIds(pool, 'models', options.models);
  const datasets = await resolveIds(pool, 'datasets', options.datasets);
  const summaries: RobustnessSummary[] = [];
  const client = await pool.connect();
  client.on('error', droppedWhileHeld);
  try {
    for (const datasetId of datasets) {
      const images = await robustnessImages(client, datasetId, options.every ?? 1);
      let faces: RunFaces | undefined;
      const lookUpFaces = async (): Promise<RunFaces> => {
        if (faces !== undefined) return faces;
        faces = await runFaces(client, images, options, providers);
        log(`robustness on ${datasetId}: faces in ${faces.faces.size} of ${images.length} images (${faces.detected} detected now, ${faces.reused} from the cache)`);
        return faces;
      };
      for (const modelId of models) {
        const { card, file } = await registeredModel(client, modelId, options.modelsDir);
        let model: InferenceModel | undefined;
        try {
          for (const perturbation of options.perturbations) {
            const pending = await perturbedPending(client, modelId, perturbation.canonical, images);
            const summary: RobustnessSummary = { modelId, datasetId, perturbation: perturbation.canonical, images: images.length, pending: pending.length, predicted: 0, failed: 0, seconds: 0 };
            summaries.push(summary);
            if (pending.length === 0) continue;
            const found = card.input.crop !== 'none' || needsFace(perturbation) ? await lookUpFaces() : undefined;
            const failureOf = new Map(found?.failures.map((f) => [f.imageId, f.error]));
            const faceOf = (image: PendingImage): DetectedFace | string | undefined => found?.faces.get(image.id) ?? failureOf.get(image.id);
            model ??= await openModel(card, file, providers);
            const opened = model;
            const predictor = canonicalPredictor(card.output);
            const started = performance.now();
            const prepare = perturbedBatchPreparer(card.input, perturbation, faceOf);
            for await (const batch of prefetch(chunks(pending, options.batchSize ?? DEFAULT_BATCH_SIZE), 2, prepare)) {
              const rows: PredictionRow[] = [];
              const failures: FailureRow[] = [];
              let outputs: Float32Array | undefined;
              let batchError: string | undefined;
              if (batch.errors.some((e) => e === null)) {
                try {
                  outputs = await opened.predict(batch.tensor, batch.images.length);
                } catch (error) {
                  batchError = `inference failed: ${error instanceof Error ? error.message : String(error)}`;
                }
              }
              const k = opened.classCount;
              batch.images.forEach((image, i) => {
                const error = batch.errors[i] ?? batchError;
                if (error !== undefined && error !== null) return void failures.push({ imageId: image.id, error });
                rows.push({ imageId: image.id, ...predictor((outputs as Float32Array).subarray(i * k, (i + 1) * k)) });
              });
              await writePerturbed(client, modelId, perturbation.canonical, rows, failures);
              summary.predicted += rows.length;
              summary.failed += failures.length;
            }
            summary.seconds = (performance.now() - started) / 1000;
            log(`${modelId} on ${datasetId} under ${perturbation.canonical}: ${summary.predicted} predicted, ${summary.failed} failed in ${summary.seconds.toFixed(1)} s`);
          }
        } finally {
          await model?.release();
        }
      }
    }
  } finally {
    client.release();
  }
  return summaries;
}

/** One line per (model, dataset, perturbation). */
export function formatRobustnessSummary(s: RobustnessSummary): string {
  if (s.pending === 0) return `${s.modelId} × ${s.datasetId} × ${s.perturbation}: up to date (${s.images} images)`;
  const rate = s.seconds > 0 ? `, ${((s.predicted + s.failed) / s.seconds).toFixed(0)} faces/s` : '';
  return `${s.modelId} × ${s.datasetId} × ${s.perturbation}: ${s.predicted} predicted, ${s.failed} failed of ${s.pending} pending (${s.images} images)${rate}`;
}
