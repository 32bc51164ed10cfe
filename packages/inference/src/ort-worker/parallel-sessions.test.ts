import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type TestContext, test } from 'node:test';
import { fixture, shippedCardFile } from '@ferbench/testkit';
import { chooseExecutionProviders } from '../execution-providers.js';
import { OrtModel } from '../ort-model.js';
import { prepareImage } from '../prepare-image.js';
import { readModelCard } from '../read-card.js';
import { tensorSize } from '../tensor-layout.js';
import { openModel } from './open-model.js';
import { WorkerOrtModel } from './worker-ort-model.js';

const cpu = chooseExecutionProviders('cpu');

async function fer2013Faces(dir: string, input: Parameters<typeof tensorSize>[0], count: number): Promise<Float32Array> {
  const files = readdirSync(dir).sort().slice(0, count);
  const tensor = new Float32Array(count * tensorSize(input));
  for (const [i, file] of files.entries()) await prepareImage(readFileSync(path.join(dir, file)), input, tensor, i);
  return tensor;
}

/** A shipped card, its ONNX file and a folder of FER2013 test faces, or undefined (skipped) without the fixtures. */
async function cardAndFaces(t: TestContext, cardFile: string, emotion: string) {
  const models = fixture(t, 'models');
  const faces = fixture(t, 'data', 'fer2013', 'test', emotion);
  if (models === undefined || faces === undefined) return undefined;
  const card = await readModelCard(shippedCardFile(cardFile));
  return { card, file: path.join(models, card.file), faces, models };
}

test('a fixed batch-1 graph left unrewritten runs as parallel sessions on worker threads, with the single session\'s outputs exactly', { timeout: 120_000 }, async (t) => {
  const found = await cardAndFaces(t, 'mobilefacenet-int8.json', 'surprise');
  if (found === undefined) return;
  const { card, file, faces } = found;
  const single = await OrtModel.open(card, file, cpu, { dynamicBatch: false });
  // dynamicBatch false stands for a graph whose batch cannot be rewritten
  const parallel = await openModel(card, file, cpu, { dynamicBatch: false, parallelSessions: 3, cores: 3 });
  try {
    assert.equal(single.batchPlan.batch, 1);
    assert.equal(parallel.batchPlan.batch, 1);
    assert.match(parallel.batchPlan.note, /; run as 3 sessions at once, 1 thread\(s\) each$/);
    const n = 11; // not a multiple of 3: the last share is shorter
    const tensor = await fer2013Faces(faces, card.input, n);
    const expected = await single.predict(tensor, n);
    assert.deepEqual(await parallel.predict(tensor, n), expected);
    // fewer images than sessions, and a second call on the same sessions
    const two = tensor.subarray(0, 2 * tensorSize(card.input));
    assert.deepEqual(await parallel.predict(two, 2), expected.subarray(0, 2 * card.output.labels.length));
    const labels = new Set(Array.from({ length: n }, (_, i) => { const v = expected.subarray(i * 7, i * 7 + 7); return v.indexOf(Math.max(...v)); }));
    assert.ok(labels.size >= 2, 'the faces get different labels, so equal outputs mean something');
  } finally {
    await single.release();
    await parallel.release();
  }
  // one core, or one session asked for: a single session on the calling thread
  const one = await openModel(card, file, cpu, { dynamicBatch: false, cores: 1 });
  assert.ok(one instanceof OrtModel);
  await one.release();
});

test('a model on a worker thread predicts what it predicts on this one; its errors come back as errors', { timeout: 60_000 }, async (t) => {
  const found = await cardAndFaces(t, 'mini-xception-119.json', 'happy');
  if (found === undefined) return;
  const { card, file, faces, models } = found;
  const here = await OrtModel.open(card, file, cpu);
  const there = await openModel(card, file, cpu, { workerThreads: 1 });
  try {
    assert.ok(there instanceof WorkerOrtModel);
    assert.equal(there.batchPlan.batch, 'dynamic');
    const tensor = await fer2013Faces(faces, card.input, 9);
    assert.deepEqual(await there.predict(tensor, 9), await here.predict(tensor, 9));
    await assert.rejects(there.predict(tensor.subarray(0, 10), 2), /batch holds 10 values, 2 images need 4608/);
    // the worker goes on after a failed batch
    assert.equal((await there.predict(tensor, 1)).length, card.output.labels.length);
  } finally {
    await here.release();
    await there.release();
  }
  await assert.rejects(there.predict(new Float32Array(2304), 1), /mini-xception-119: released/);
  await assert.rejects(WorkerOrtModel.open(card, path.join(models, 'no-such.onnx'), cpu), /no-such\.onnx/);
});
