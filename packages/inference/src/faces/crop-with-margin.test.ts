import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cropWithMargin, marginBox } from './crop-with-margin.js';

test('marginBox grows the box by the margin on each side, in whole pixels, clipped to the image', () => {
  assert.deepEqual(marginBox({ x: 10, y: 20, width: 40, height: 50 }, 0.25, 100, 100), { x: 0, y: 7, width: 60, height: 76 });
  assert.deepEqual(marginBox({ x: 10.4, y: 20.6, width: 40, height: 50 }, 0, 100, 100), { x: 10, y: 20, width: 41, height: 51 });
  assert.deepEqual(marginBox({ x: -8, y: 70, width: 40, height: 50 }, 0, 100, 100), { x: 0, y: 70, width: 32, height: 30 });
  assert.throws(() => marginBox({ x: 120, y: 0, width: 10, height: 10 }, 0, 100, 100), /lies outside the 100×100 image/);
  assert.throws(() => marginBox({ x: 0, y: 0, width: 10, height: 10 }, -0.1, 100, 100), /margin must be ≥ 0, got -0.1/);
});

test('cropWithMargin copies the rows of the grown box', () => {
  const data = Uint8Array.from({ length: 6 * 5 * 3 }, (_, i) => i);
  const crop = cropWithMargin({ data, width: 6, height: 5, channels: 3 }, { x: 2, y: 1, width: 2, height: 2 }, 0.5);
  assert.deepEqual([crop.width, crop.height], [4, 4]);
  // first pixel of the crop is source pixel (1, 0); first of its second row is (1, 1)
  assert.deepEqual([...crop.data.subarray(0, 3)], [3, 4, 5]);
  assert.deepEqual([...crop.data.subarray(12, 15)], [21, 22, 23]);
});
