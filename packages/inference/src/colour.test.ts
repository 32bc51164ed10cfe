import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toColourSpace } from './colour.js';

// Two pixels: pure red, and (10, 200, 30).
const image = { data: Uint8Array.from([255, 0, 0, 10, 200, 30]), width: 2, height: 1, channels: 3 as const };

test('grayscale is OpenCV RGB2GRAY in fixed point', () => {
  // (255·4899 + 8192) >> 14 = 76; (10·4899 + 200·9617 + 30·1868 + 8192) >> 14 = 124
  assert.deepEqual([...toColourSpace(image, 'grayscale')], [76, 124]);
});

test('grey pixels are repeated for rgb/bgr, kept for grayscale, and come back unchanged from RGB', () => {
  const grey = { data: Uint8Array.from([0, 1, 128, 255]), width: 4, height: 1, channels: 1 as const };
  assert.equal(toColourSpace(grey, 'grayscale'), grey.data);
  const rgb = toColourSpace(grey, 'rgb');
  assert.deepEqual([...rgb], [0, 0, 0, 1, 1, 1, 128, 128, 128, 255, 255, 255]);
  assert.deepEqual([...toColourSpace(grey, 'bgr')], [...rgb]);
  assert.deepEqual([...toColourSpace({ ...grey, data: rgb, channels: 3 }, 'grayscale')], [0, 1, 128, 255]);
});

test('rgb is unchanged, bgr swaps the outer channels', () => {
  assert.deepEqual([...toColourSpace(image, 'rgb')], [255, 0, 0, 10, 200, 30]);
  assert.deepEqual([...toColourSpace(image, 'bgr')], [0, 0, 255, 30, 200, 10]);
});

test('a buffer of the wrong size is refused', () => {
  assert.throws(() => toColourSpace({ data: new Uint8Array(5), width: 2, height: 1, channels: 3 }, 'rgb'), /expected 6 bytes for 2×1×3, got 5/);
});
