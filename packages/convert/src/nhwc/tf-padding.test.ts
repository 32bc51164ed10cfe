import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tfPads } from './tf-padding.js';

const window = (kernel: number, stride: number, padding: 'same' | 'valid') =>
  ({ kernel: [kernel, kernel], strides: [stride, stride], dilations: [1, 1], padding }) as const;

describe('tfPads', () => {
  it('SAME with stride 2 on an even size puts the one padding pixel at the end, as TensorFlow does', () => {
    // out = ceil(64/2) = 32; total = (32−1)·2 + 3 − 64 = 1 → 0 before, 1 after.
    assert.deepEqual(tfPads([64, 64], window(3, 2, 'same')), { pads: [0, 0, 1, 1], output: [32, 32] });
  });

  it('SAME with stride 1 pads symmetrically for an odd kernel', () => {
    assert.deepEqual(tfPads([5, 7], window(3, 1, 'same')), { pads: [1, 1, 1, 1], output: [5, 7] });
  });

  it('SAME pooling 3×3 stride 2 on an odd size needs padding on both sides', () => {
    // out = ceil(31/2) = 16; total = 15·2 + 3 − 31 = 2 → 1 and 1.
    assert.deepEqual(tfPads([31, 31], window(3, 2, 'same')), { pads: [1, 1, 1, 1], output: [16, 16] });
  });

  it('VALID drops what does not fit', () => {
    assert.deepEqual(tfPads([64, 64], window(3, 2, 'valid')), { pads: [0, 0, 0, 0], output: [31, 31] });
    assert.deepEqual(tfPads([14, 14], window(7, 2, 'valid')), { pads: [0, 0, 0, 0], output: [4, 4] });
  });

  it('dilation widens the window', () => {
    const w = { kernel: [3, 3], strides: [1, 1], dilations: [2, 2], padding: 'same' } as const;
    assert.deepEqual(tfPads([10, 10], w), { pads: [2, 2, 2, 2], output: [10, 10] });
  });

  it('explicit padding is used as given', () => {
    const w = { kernel: [3, 3], strides: [1, 1], dilations: [1, 1], padding: { top: 1, bottom: 0, left: 2, right: 0 } } as const;
    assert.deepEqual(tfPads([8, 8], w), { pads: [1, 2, 0, 0], output: [7, 8] });
  });
});
