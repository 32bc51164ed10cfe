import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { chooseExecutionProviders, ORT_VERSION, OrtModel, batchDims, readModelCard } from '@ferbench/inference';
import { addModel, SHIPPED_CARDS_DIR } from '@ferbench/models';
import { prepareBatchFiles, runModelOnDataset, DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE, defaultWorkers } from '@ferbench/runs';
import { chunks, formatTable } from '@ferbench/shared';
import { createTestDatabase } from '@ferbench/testkit';
import * as ort from 'onnxruntime-node';
import type { Benchmark } from './benchmark.js';
import { type Measurement, measure } from './measure.js';
import { median } from './statistics.js';

const MODEL = 'mini-xception-119';
const DATASET = 'fer2013';
// The machine is shared and noisy: interleave the variants and report medians.
const REPETITIONS = 5;

/** Every image file of the FER2013 image folder. */
function imageFiles(root: string): string[] {
  return readdirSync(path.join(root, 'test'))
    .sort()
    .flatMap((label) => readdirSync(path.join(root, 'test', label)).sort().map((name) => path.join(root, 'test', label, name)));
}

function summarise(samples: Measurement[]): { facesPerSecond: number; cpuMicrosPerFace: number; samples: number[] } {
  return {
    facesPerSecond: median(samples.map((s) => s.facesPerSecond)),
    cpuMicrosPerFace: median(samples.map((s) => s.cpuMicrosPerFace)),
    samples: samples.map((s) => Math.round(s.facesPerSecond)),
  };
}

/**
 * How close the runner comes to inference alone: mini-xception-119 on FER2013 test (7,178 faces), as
 * (a) onnxruntime alone (the runner's model wrapper and session options) on batches decoded, preprocessed and
 *     stacked beforehand, and
 * (b) the whole runner: decode + preprocess + infer + COPY into a throwaway embedded Postgres (a run's own
 *     faces/s: first batch to last commit).
 * For reference, (a0) is onnxruntime alone with its default session options (spinning threads).
 */
export const runnerBenchmark: Benchmark = {
  name: 'runner',
  description: `${MODEL} on ${DATASET} test: onnxruntime alone vs the whole runner`,
  async run({ config, log }) {
    const root = path.join(config.datasetsDir, DATASET);
    const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, `${MODEL}.json`));
    const modelFile = path.join(config.modelsDir, card.file);
    if (!existsSync(root) || !existsSync(modelFile)) {
      log(`bench runner: SKIPPED: needs ${root} and ${modelFile} (set FERBENCH_DATASETS / FERBENCH_MODELS)`);
      return null;
    }
    const providers = chooseExecutionProviders('cpu');
    const batchSize = DEFAULT_BATCH_SIZE;
    const workers = defaultWorkers();

    log('bench runner: decoding every face for (a)…');
    const files = imageFiles(root);
    const batches = await Promise.all([...chunks(files, batchSize)].map(async (b) => ({ count: b.length, tensor: (await prepareBatchFiles(b, card.input)).tensor })));
    const model = await OrtModel.open(card, modelFile, providers);
    const plain = await ort.InferenceSession.create(modelFile, { executionProviders: providers.providers });

    const testDb = await createTestDatabase('bench_runner');
    const db = poolDatabase(testDb.url);
    const a: Measurement[] = [];
    const a0: Measurement[] = [];
    const b: Measurement[] = [];
    try {
      log('bench runner: importing into a throwaway database…');
      const imported = await importDataset(db.pool, { format: 'imagefolder', root, id: DATASET });
      await addModel(db.pool, { onnxFile: modelFile, card });
      for (let rep = 0; rep < REPETITIONS; rep++) {
        a.push(await measure(files.length, () => predictAll(batches, (batch) => model.predict(batch.tensor, batch.count))));
        a0.push(
          await measure(files.length, () =>
            predictAll(batches, (batch) => plain.run({ [card.input.name]: new ort.Tensor('float32', batch.tensor, batchDims(card.input, batch.count)) })),
          ),
        );
        await db.pool.query('DELETE FROM predictions; DELETE FROM prediction_failures; DELETE FROM runs');
        b.push(
          await measure(files.length, async () => {
            const run = await runModelOnDataset(db.pool, MODEL, DATASET, { modelsDir: config.modelsDir, device: 'cpu', batchSize, workers, progress: false });
            if (run.status !== 'done' || run.predicted !== imported.inserted) throw new Error(`runner run ${run.status}: ${run.predicted} of ${imported.inserted} predicted (${run.error ?? ''})`);
            return run.seconds;
          }),
        );
        log(`bench runner: repetition ${rep + 1}/${REPETITIONS}: (a) ${Math.round(a[rep]?.facesPerSecond ?? 0)}, (a0) ${Math.round(a0[rep]?.facesPerSecond ?? 0)}, (b) ${Math.round(b[rep]?.facesPerSecond ?? 0)} faces/s`);
      }
    } finally {
      await model.release();
      await plain.release();
      await db.close();
      await testDb.drop();
    }
    const results = { a: summarise(a), a0: summarise(a0), b: summarise(b) };
    const ratio = results.b.facesPerSecond / results.a.facesPerSecond;
    const row = (name: string, r: ReturnType<typeof summarise>) => [name, String(Math.round(r.facesPerSecond)), String(Math.round(r.cpuMicrosPerFace)), r.samples.join(' ')];
    return {
      report: [
        `${MODEL} on ${DATASET} test (${files.length} faces), batch ${batchSize}, ${workers} preprocessing worker(s), ${availableParallelism()} CPU(s), onnxruntime ${ORT_VERSION} (${providers.chosen})`,
        formatTable(
          ['', 'faces/s (median)', 'CPU µs/face', `faces/s samples (${REPETITIONS})`],
          [
            row('(a)  onnxruntime alone, pre-decoded batches', results.a),
            row('(b)  whole runner: decode+preprocess+infer+COPY', results.b),
            ['(b)/(a)', ratio.toFixed(2), '', ''],
            row('(a0) onnxruntime alone, default session options', results.a0),
          ],
        ),
        'CPU µs/face: this process, all threads; for (b) including model load and worker start-up (Postgres, a separate process, not included).',
      ].join('\n'),
      json: {
        model: MODEL,
        dataset: DATASET,
        faces: files.length,
        batchSize,
        chunkSize: DEFAULT_CHUNK_SIZE,
        workers,
        cpus: availableParallelism(),
        ortVersion: ORT_VERSION,
        executionProvider: providers.chosen,
        repetitions: REPETITIONS,
        a: { what: "onnxruntime alone (the runner's OrtModel) on pre-decoded, pre-stacked batches", ...results.a },
        b: { what: 'whole runner: decode + preprocess + infer + COPY into a throwaway embedded Postgres', ...results.b },
        ratio,
        a0: { what: 'onnxruntime alone with default session options (spinning intra-op threads)', ...results.a0 },
      },
      summary: { runnerVsOrtAlone: ratio, runner: { model: MODEL, faces: files.length, runnerFacesPerSecond: results.b.facesPerSecond, ortAloneFacesPerSecond: results.a.facesPerSecond } },
    };
  },
};

async function predictAll<T>(batches: T[], predict: (batch: T) => Promise<unknown>): Promise<void> {
  for (const batch of batches) await predict(batch);
}
