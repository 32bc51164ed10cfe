import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ModelOutput } from '@ferbench/shared';
import { canonicalPredictor, softmax } from './postprocess.js';

const close = (actual: (number | null)[], expected: (number | null)[]) => {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (e === null || e === undefined) assert.equal(a, e ?? null, `index ${i}`);
    else assert.ok(a !== null && Math.abs(a - e) < 1e-9, `index ${i}: ${a} vs ${e}`);
  });
};

test('softmax of [0, ln 3] is [1/4, 3/4], and survives large logits', () => {
  close(softmax([0, Math.log(3)]), [0.25, 0.75]);
  close(softmax([1000, 1000]), [0.5, 0.5]);
});

const probabilities: ModelOutput = {
  name: 'p',
  kind: 'probabilities',
  labels: ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'],
  labelMap: { angry: 'anger', disgust: 'disgust', fear: 'fear', happy: 'happiness', sad: 'sadness', surprise: 'surprise', neutral: 'neutral' },
};

test("probabilities are placed in canonical order by the label map; contempt, which the model lacks, is null", () => {
  const p = canonicalPredictor(probabilities)([0.05, 0.05, 0.1, 0.5, 0.1, 0.15, 0.05]);
  // canonical: neutral, happiness, sadness, surprise, fear, disgust, anger, contempt
  close(p.probs, [0.05, 0.5, 0.1, 0.15, 0.1, 0.05, 0.05, null]);
  assert.equal(p.label, 1);
  close(p.raw, [0.05, 0.05, 0.1, 0.5, 0.1, 0.15, 0.05]);
});

test('logits go through softmax; a class with no canonical emotion is left out of probs and of the argmax', () => {
  const output: ModelOutput = { name: 'l', kind: 'logits', labels: ['unknown', 'happy', 'sad'], labelMap: { unknown: null, happy: 'happiness', sad: 'sadness' } };
  const p = canonicalPredictor(output)([5, Math.log(2), 0]);
  const z = Math.exp(5) + 2 + 1;
  close(p.probs, [null, 2 / z, 1 / z, null, null, null, null, null]);
  assert.equal(p.label, 1, 'happiness, though "unknown" scored highest');
});

test('a wrong number of outputs or a non-finite one is an error', () => {
  assert.throws(() => canonicalPredictor(probabilities)([1, 2]), /expected 7 outputs/);
  assert.throws(() => canonicalPredictor(probabilities)([NaN, 0, 0, 0, 0, 0, 0]), /non-finite/);
});
