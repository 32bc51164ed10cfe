import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toColourSpace } from './colour.js';

// Two pixels: pure red, and (10, 200, 30).
const image = { data: Uint8Array.from([255, 0, 0, 10, 200, 30]), width: 2, height: 1 };

test('grayscale is OpenCV RGB2GRAY in fixed point', () => {
  // (255·4899 + 8192) >> 14 = 76; (10·4899 + 200·9617 + 30·1868 + 8192) >> 14 = 124
  assert.deepEqual([...toColourSpace(image, 'grayscale')], [76, 124]);
});

test('a grey pixel keeps its value through RGB and back', () => {
  const grey = { data: Uint8Array.from([0, 0, 0, 1, 1, 1, 128, 128, 128, 255, 255, 255]), width: 4, height: 1 };
  assert.deepEqual([...toColourSpace(grey, 'grayscale')], [0, 1, 128, 255]);
});

test('rgb is unchanged, bgr swaps the outer channels', () => {
  assert.deepEqual([...toColourSpace(image, 'rgb')], [255, 0, 0, 10, 200, 30]);
  assert.deepEqual([...toColourSpace(image, 'bgr')], [0, 0, 255, 30, 200, 10]);
});

test('a buffer of the wrong size is refused', () => {
  assert.throws(() => toColourSpace({ data: new Uint8Array(5), width: 2, height: 1 }, 'rgb'), /expected 6 RGB bytes/);
});
