import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ModelInput } from '@ferbench/shared';
import { toColourSpace } from './colour.js';
import { batchDims, normalisationTables, tensorSize, writeGreyTensor, writeTensor } from './tensor-layout.js';

const base: ModelInput = {
  name: 'x',
  layout: 'NCHW',
  width: 2,
  height: 1,
  channels: 3,
  colorSpace: 'rgb',
  crop: 'none',
  resize: 'linear',
  scale: 1 / 255,
  mean: [0.5, 0.5, 0.5],
  std: [0.5, 0.5, 0.5],
  batch: 'dynamic',
};

test('x/255 then (x - 0.5)/0.5 maps 0 → -1, 255 → 1, 51 → -0.6', () => {
  const [table] = normalisationTables({ ...base, channels: 1, mean: [0.5], std: [0.5] });
  assert.equal(table?.[0], -1);
  assert.equal(table?.[255], 1);
  assert.equal(table?.[51], Math.fround(-0.6));
});

test('per-channel mean and std (ImageNet numbers) are applied to their own channel', () => {
  const tables = normalisationTables({ ...base, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] });
  assert.equal(tables[0]?.[255], Math.fround((1 - 0.485) / 0.229));
  assert.equal(tables[2]?.[0], Math.fround(-0.406 / 0.225));
});

// Two RGB pixels (0, 51, 102) and (153, 204, 255), interleaved; scale 1/255, mean 0, std 1: x/255.
const pixels = Uint8Array.from([0, 51, 102, 153, 204, 255]);
const plain = { ...base, mean: [0, 0, 0], std: [1, 1, 1] };
const f = (values: number[]) => values.map((v) => Math.fround(v));

test('NCHW puts each channel in its own plane', () => {
  const out = new Float32Array(6);
  writeTensor(out, 0, pixels, plain);
  assert.deepEqual([...out], f([0, 0.6, 0.2, 0.8, 0.4, 1]));
  assert.deepEqual(batchDims(plain, 5), [5, 3, 1, 2]);
});

test('NHWC keeps the pixels interleaved', () => {
  const out = new Float32Array(6);
  writeTensor(out, 0, pixels, { ...plain, layout: 'NHWC' });
  assert.deepEqual([...out], f([0, 0.2, 0.4, 0.6, 0.8, 1]));
  assert.deepEqual(batchDims({ ...plain, layout: 'NHWC' }, 5), [5, 1, 2, 3]);
});

test('images are stacked back to back at their batch index; a short buffer is refused', () => {
  const input = { ...plain, channels: 1 as const, colorSpace: 'grayscale' as const, mean: [0], std: [1] };
  assert.equal(tensorSize(input), 2);
  const batch = new Float32Array(6);
  writeTensor(batch, 2, Uint8Array.from([255, 51]), input);
  writeTensor(batch, 0, Uint8Array.from([0, 102]), input);
  assert.deepEqual([...batch], f([0, 0.4, 0, 0, 1, 0.2]));
  assert.throws(() => writeTensor(batch, 3, Uint8Array.from([1, 2]), input), /no room for image 3/);
  assert.throws(() => writeTensor(batch, 0, Uint8Array.from([1]), input), /expected 2 pixel values/);
});

test('grey pixels written for a three-channel card equal the RGB they repeat into, in both layouts, equal and unequal normalisations', () => {
  const grey = Uint8Array.from({ length: 12 }, (_, i) => (i * 53) % 256);
  const rgb = toColourSpace({ data: grey, width: 4, height: 3, channels: 1 }, 'rgb');
  const cards = [
    { layout: 'NCHW', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] },
    { layout: 'NCHW', mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] },
    { layout: 'NHWC', mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] },
  ] as const;
  for (const card of cards) {
    const input = { ...card, mean: [...card.mean], std: [...card.std], name: 'x', width: 4, height: 3, channels: 3, colorSpace: 'rgb', crop: 'none', resize: 'linear', scale: 1 / 255, batch: 'dynamic' } as ModelInput;
    const expected = new Float32Array(2 * 36);
    const actual = new Float32Array(2 * 36);
    writeTensor(expected, 1, rgb, input);
    writeGreyTensor(actual, 1, grey, input);
    assert.deepEqual(actual, expected, `${card.layout} mean ${card.mean.join(',')}`);
    assert.ok(expected.subarray(36).some((v) => v !== 0) && expected.subarray(0, 36).every((v) => v === 0), 'image 1 written, image 0 untouched');
  }
  assert.throws(() => writeGreyTensor(new Float32Array(36), 0, new Uint8Array(5), { ...base, width: 4, height: 3 }), /expected 12 grey values \(4×3\), got 5/);
});
