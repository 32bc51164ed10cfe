import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ModelCard } from '@ferbench/shared';
import { fixture, shippedCardFile } from '@ferbench/testkit';
import { decodeImage } from '../decode-image.js';
import { chooseExecutionProviders } from '../execution-providers.js';
import type { DetectedFace } from '../faces/face.js';
import { YUNET, YunetDetector } from '../faces/yunet-detector.js';
import { OrtModel } from '../ort-model.js';
import { prepareImage } from '../prepare-image.js';
import { readModelCard } from '../read-card.js';
import { tensorSize } from '../tensor-layout.js';
import { dynamicBatchGraph } from './dynamic-batch.js';
import { readFields, writeFields } from './protobuf-wire.js';

const cpu = chooseExecutionProviders('cpu');
const argmax = (v: Float32Array) => v.indexOf(Math.max(...v));

test('protobuf wire: reading and writing the fields of a real ONNX file gives back its exact bytes', (t) => {
  const models = fixture(t, 'models');
  if (models === undefined) return;
  const bytes = readFileSync(path.join(models, 'opencv-zoo-fer-mobilefacenet-int8', 'facial_expression_recognition_mobilefacenet_2022july_int8.onnx'));
  const fields = readFields(bytes);
  const graph = fields.find((f) => f.field === 7) as { bytes: Uint8Array };
  const again = writeFields(fields.map((f) => (f.field === 7 ? { ...f, bytes: writeFields(readFields(graph.bytes)) } : f)));
  assert.equal(Buffer.compare(Buffer.from(again), bytes), 0);
});

/** Real faces for a card: RAF-DB test crops, each prepared as the card says (aligned ones through YuNet). */
async function realBatch(card: ModelCard, rafdb: string, detectors: string, count: number): Promise<{ tensor: Float32Array; n: number }> {
  const dir = path.join(rafdb, 'basic', 'Image', 'aligned');
  const files = readdirSync(dir).filter((f) => f.startsWith('test_')).sort().slice(0, count);
  const detector = card.input.crop === 'none' ? undefined : await YunetDetector.open(path.join(detectors, YUNET.file), cpu);
  const tensor = new Float32Array(files.length * tensorSize(card.input));
  let n = 0;
  try {
    for (const file of files) {
      const bytes = readFileSync(path.join(dir, file));
      let face: DetectedFace | null = null;
      if (detector !== undefined) {
        face = (await detector.detect(await decodeImage(bytes)))[0] ?? null;
        if (face === null) continue;
      }
      await prepareImage(bytes, card.input, tensor, n++, undefined, face);
    }
  } finally {
    await detector?.release();
  }
  return { tensor: tensor.subarray(0, n * tensorSize(card.input)), n };
}

for (const id of ['mobilefacenet-int8', 'mobilefacenet-int8-aligned']) {
  test(`${id}: the batch-1 graph rewritten to a dynamic batch gives the batch-1 outputs to 1e-6 and the same predictions on 40 real faces`, async (t) => {
    const models = fixture(t, 'models');
    const rafdb = fixture(t, 'data', 'rafdb');
    const detectors = fixture(t, 'detectors');
    if (models === undefined || rafdb === undefined || detectors === undefined) return;
    const card = await readModelCard(shippedCardFile(`${id}.json`));
    assert.equal(card.input.batch, 1, 'the card declares the graph\'s fixed batch of 1');
    const file = path.join(models, card.file);
    const original = await OrtModel.open(card, file, cpu, { dynamicBatch: false });
    const rewritten = await OrtModel.open(card, file, cpu);
    try {
      assert.equal(original.batchPlan.batch, 1);
      assert.equal(rewritten.batchPlan.batch, 'dynamic', rewritten.batchPlan.note);
      assert.match(rewritten.batchPlan.note, /input data: batch 1 → batch/);
      const { tensor, n } = await realBatch(card, rafdb, detectors, 40);
      assert.ok(n >= 35, `${n} of 40 faces prepared`);
      const before = await original.predict(tensor, n); // 40 runs of one face
      const after = await rewritten.predict(tensor, n); // one run of 40
      const k = card.output.labels.length;
      let worst = 0;
      for (let i = 0; i < n * k; i++) worst = Math.max(worst, Math.abs((before[i] as number) - (after[i] as number)));
      t.diagnostic(`largest difference over ${n} faces × ${k} logits: ${worst}`);
      assert.ok(worst <= 1e-6, `largest difference ${worst}`);
      const labels = (out: Float32Array) => Array.from({ length: n }, (_, i) => argmax(out.subarray(i * k, (i + 1) * k)));
      assert.deepEqual(labels(after), labels(before));
      assert.ok(new Set(labels(before)).size >= 3, 'the faces get several different labels, so equal predictions mean something');
    } finally {
      await original.release();
      await rewritten.release();
    }
  });
}

test('dynamicBatchGraph leaves alone a graph that is dynamic already, and refuses fixed graphs whose ops may depend on the batch', (t) => {
  const models = fixture(t, 'models');
  const detectors = fixture(t, 'detectors');
  if (models === undefined || detectors === undefined) return;
  const refusal = (file: string) => {
    const result = dynamicBatchGraph(readFileSync(file));
    return 'refused' in result ? result.refused : `rewritten: ${result.changes.join('; ')}`;
  };
  assert.equal(refusal(path.join(models, 'oarriaga-fer2013_mini_XCEPTION.119-0.65', 'onnx', 'fer2013_mini_XCEPTION.119-0.65.onnx')), 'no graph input has a fixed batch of 1');
  assert.match(refusal(path.join(detectors, 'yunet-2023mar', 'face_detection_yunet_2023mar.onnx')), /^(op \w+ may depend on the batch size|Reshape .*|Transpose moves the batch axis|Concat .*)$/);
  assert.match(refusal(path.join(detectors, 'ultraface-rfb-320', 'version-RFB-320.onnx')), /^(op \w+ may depend on the batch size|Reshape .*|Transpose moves the batch axis|Concat .*)$/);
});
