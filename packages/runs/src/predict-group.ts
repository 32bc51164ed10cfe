import { type DetectedFace, type ExecutionProviderChoice, type InferenceModel, ORT_VERSION, canonicalPredictor, openModel, tensorSize } from '@ferbench/inference';
import { registeredModel } from '@ferbench/models';
import { chunks, prefetch } from '@ferbench/shared';
import type pg from 'pg';
import type { PendingImage } from './pending-images.js';
import { type FailureRow, type PredictionRow, PredictionWriter } from './prediction-writer.js';
import { PreprocessPool } from './preprocess-pool.js';
import { createProgress } from './progress.js';
import { type RunFaces, runFaces } from './run-faces.js';
import type { RunSummary } from './run-model.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE, type RunOptions, concurrentModelThreads, defaultWorkers } from './run-options.js';

/** One model of a group run: its connection (holding its run lock), its run and what it has left to predict. */
export interface GroupMember {
  modelId: string;
  client: pg.PoolClient;
  runId: string | null;
  pending: PendingImage[];
  summary: RunSummary;
}

interface Loaded {
  member: GroupMember;
  model: InferenceModel;
  predictor: ReturnType<typeof canonicalPredictor>;
  writer: PredictionWriter;
  wants: Set<string>;
}

/** The images any member still needs, once each, in id order. */
function union(members: readonly GroupMember[]): PendingImage[] {
  const byId = new Map<string, PendingImage>();
  for (const m of members) for (const image of m.pending) byId.set(image.id, image);
  return [...byId.values()].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
}

/** The rows `indices` of a batch tensor, back to back (the whole tensor when that is every row). */
function rowsOf(tensor: Float32Array, indices: readonly number[], count: number, size: number): Float32Array {
  if (indices.length === count) return tensor;
  const out = new Float32Array(indices.length * size);
  indices.forEach((i, k) => out.set(tensor.subarray(i * size, (i + 1) * size), k * size));
  return out;
}

/**
 * Predicts the pending images of models that share one preprocessing (members with running runs): every image
 * decoded and preprocessed once on the worker threads, its tensor fed to each model that still needs it, each
 * model's predictions written behind it by its own writer. Throws when the group cannot go on; a member whose
 * own writing fails is marked failed and the others go on.
 */
export async function predictGroup(members: readonly GroupMember[], datasetId: string, options: RunOptions, providers: ExecutionProviderChoice): Promise<void> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const workers = options.workers ?? defaultWorkers();
  const first = members[0] as GroupMember;
  const registered = await Promise.all(members.map((m) => registeredModel(m.client, m.modelId, options.modelsDir, { cacheDir: options.modelCacheDir })));
  const input = (registered[0] as (typeof registered)[number]).card.input;
  const all = union(members);
  const ids = members.map((m) => m.modelId).join(', ');
  const threads = concurrentModelThreads(options, members.length, providers);
  log(`${ids} on ${datasetId}: ${all.length} images to predict${members.length > 1 ? `, decoded once for ${members.length} models${threads === undefined ? '' : `, run at once (${threads} thread(s) each)`}` : ''}; execution providers [${providers.providers.join(', ')}] → ${providers.chosen}; batch ${batchSize}, ${workers} preprocessing worker(s), onnxruntime ${ORT_VERSION}`);
  // Cards that crop or align need each image's face: detected once (cached across models), before the models load.
  let faces: RunFaces | undefined;
  if (input.crop !== 'none') {
    faces = await runFaces(first.client, all, options, providers);
    log(`${ids} on ${datasetId}: crop "${input.crop}": faces in ${faces.faces.size} of ${all.length} images (${faces.detected} detected now, ${faces.reused} from the cache), ${faces.failures.length} without`);
  }
  const toPredict = faces === undefined ? all : all.filter((i) => faces.faces.has(i.id));
  const loaded: Loaded[] = [];
  const preprocess = new PreprocessPool(input, workers);
  const progress = createProgress(`${ids} × ${datasetId}`, all.length, options.progress);
  try {
    for (const [k, member] of members.entries()) {
      const { card, file } = registered[k] as (typeof registered)[number];
      const model = await openModel(card, file, providers, { workerThreads: threads, parallelSessions: options.parallelSessions });
      if (model.batchPlan.note !== '') log(`${member.modelId}: ${model.batchPlan.note}`);
      const writer = new PredictionWriter(member.client, member.modelId, member.runId as string, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
      loaded.push({ member, model, predictor: canonicalPredictor(card.output), writer, wants: new Set(member.pending.map((i) => i.id)) });
    }
    const live = () => loaded.filter((l) => l.member.summary.status !== 'failed');
    const write = async (l: Loaded, rows: PredictionRow[], failures: FailureRow[]) => {
      try {
        await l.writer.add(rows, failures);
      } catch (error) {
        Object.assign(l.member.summary, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    };
    await preprocess.ready;
    const started = performance.now();
    if (faces !== undefined && faces.failures.length > 0) {
      for (const l of live()) await write(l, [], faces.failures.filter((f) => l.wants.has(f.imageId)));
      progress.increment(faces.failures.length);
    }
    const size = tensorSize(input);
    const faceList = (images: PendingImage[]): (DetectedFace | null)[] | undefined => (faces === undefined ? undefined : images.map((i) => faces.faces.get(i.id) ?? null));
    // Enough batches in flight to keep every worker busy while the models work on the current one.
    const prepared = prefetch(chunks(toPredict, batchSize), workers * 2 + 1, async (images) => ({ images, result: await preprocess.prepare(images.map((i) => i.path), faceList(images)) }));
    for await (const { images, result } of prepared) {
      // Every member on the same batch; members on worker threads run at the same time.
      await Promise.all(
        live().map(async (l) => {
          const wanted = images.flatMap((image, i) => (l.wants.has(image.id) ? [i] : []));
          if (wanted.length === 0) return;
          const rows: PredictionRow[] = [];
          const failures: FailureRow[] = [];
          let outputs: Float32Array | undefined;
          let batchError: string | undefined;
          if (wanted.some((i) => result.errors[i] === null)) {
            try {
              outputs = await l.model.predict(rowsOf(result.tensor, wanted, images.length, size), wanted.length);
            } catch (error) {
              batchError = `inference failed: ${error instanceof Error ? error.message : String(error)}`;
            }
          }
          const k = l.model.classCount;
          wanted.forEach((i, slot) => {
            const image = images[i] as PendingImage;
            const error = result.errors[i] ?? batchError;
            if (error !== undefined && error !== null) return void failures.push({ imageId: image.id, error });
            try {
              rows.push({ imageId: image.id, ...l.predictor((outputs as Float32Array).subarray(slot * k, (slot + 1) * k)) });
            } catch (e) {
              failures.push({ imageId: image.id, error: e instanceof Error ? e.message : String(e) });
            }
          });
          for (const f of failures) log(`${l.member.modelId} on ${datasetId}: ${images.find((i) => i.id === f.imageId)?.path ?? f.imageId} failed: ${f.error}`);
          await write(l, rows, failures);
        }),
      );
      progress.increment(images.length);
    }
    for (const l of live()) {
      try {
        await l.writer.finish();
      } catch (error) {
        Object.assign(l.member.summary, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    }
    const seconds = (performance.now() - started) / 1000;
    for (const l of loaded) {
      l.member.summary.seconds = seconds;
      l.member.summary.facesPerSecond = seconds > 0 ? l.writer.written / seconds : null;
    }
  } finally {
    for (const l of loaded) {
      l.member.summary.predicted = l.writer.written;
      l.member.summary.failed = l.writer.failed;
    }
    progress.stop();
    await preprocess.close();
    for (const l of loaded) await l.model.release();
  }
}
