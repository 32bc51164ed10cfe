import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pixels } from '../pixels.js';
import { gaussianBlur, gaussianKernel } from './blur.js';
import { downscale, hflip, rotate } from './geometry.js';
import { jpegRoundTrip } from './jpeg.js';
import { gaussianNoise } from './noise.js';
import { brightness, gamma } from './tone.js';

const grey = (width: number, height: number, f: (x: number, y: number) => number): Pixels => ({
  data: Uint8Array.from({ length: width * height }, (_, i) => f(i % width, Math.floor(i / width))),
  width,
  height,
  channels: 1,
});

test('the Gaussian kernel sums to 1, is symmetric and has radius ⌈3σ⌉', () => {
  const k = gaussianKernel(1.5);
  assert.equal(k.length, 11);
  assert.ok(Math.abs(k.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.equal(k[0], k[10]);
  assert.ok((k[5] as number) > (k[4] as number));
});

test('blur spreads an impulse as the kernel’s outer product, keeping its total', () => {
  const impulse = grey(9, 9, (x, y) => (x === 4 && y === 4 ? 200 : 0));
  const out = gaussianBlur(impulse, 1);
  const k = gaussianKernel(1);
  assert.equal(out.data[4 * 9 + 4], Math.round(200 * (k[3] as number) ** 2));
  assert.equal(out.data[4 * 9 + 5], Math.round(200 * (k[3] as number) * (k[4] as number)));
  const total = out.data.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 200) <= 10, `total ${total}`);
  assert.deepEqual(gaussianBlur(impulse, 0).data, impulse.data);
});

test('brightness and gamma: exact values, clamped, 1 is the identity', () => {
  const ramp = grey(256, 1, (x) => x);
  assert.deepEqual([...brightness(ramp, 0.4).data.subarray(0, 4)], [0, 0, 1, 1]);
  assert.equal(brightness(ramp, 0.4).data[255], 102);
  assert.equal(brightness(ramp, 2).data[200], 255);
  assert.equal(gamma(ramp, 2.2).data[128], Math.round(255 * (128 / 255) ** 2.2)); // 56: a dim room
  assert.deepEqual(brightness(ramp, 1).data, ramp.data);
  assert.deepEqual(gamma(ramp, 1).data, ramp.data);
});

test('hflip mirrors (twice is the identity); rotate turns counter-clockwise as seen', () => {
  const img = grey(5, 5, (x, y) => 10 * y + x);
  assert.deepEqual([...hflip(img).data.subarray(0, 5)], [4, 3, 2, 1, 0]);
  assert.deepEqual(hflip(hflip(img)).data, img.data);
  // A bright pixel right of centre goes to above centre after a counter-clockwise quarter turn.
  const dot = grey(5, 5, (x, y) => (x === 4 && y === 2 ? 255 : 0));
  const turned = rotate(dot, 90);
  assert.equal(turned.data[0 * 5 + 2], 255);
  assert.equal(turned.data[2 * 5 + 4], 0);
  assert.deepEqual(rotate(img, 0).data, img.data);
});

test('downscale loses detail a checkerboard cannot survive; factor 1 is the identity', async () => {
  const board = grey(16, 16, (x, y) => ((x + y) % 2 === 0 ? 255 : 0));
  const out = await downscale(board, 4);
  assert.equal(out.width, 16);
  const spread = Math.max(...out.data) - Math.min(...out.data);
  assert.ok(spread < 64, `a 1-pixel checkerboard through 4×4 px keeps a spread of ${spread}`);
  assert.deepEqual((await downscale(board, 1)).data, board.data);
});

test('noise: the same seed gives the same noise, another seed other noise, σ = 0 none; σ is its spread', () => {
  const flat = grey(64, 64, () => 128);
  const a = gaussianNoise(flat, 10, 1);
  assert.deepEqual(gaussianNoise(flat, 10, 1).data, a.data);
  assert.notDeepEqual(gaussianNoise(flat, 10, 2).data, a.data);
  assert.deepEqual(gaussianNoise(flat, 0, 1).data, flat.data);
  const mean = a.data.reduce((s, v) => s + v, 0) / a.data.length;
  const sd = Math.sqrt(a.data.reduce((s, v) => s + (v - mean) ** 2, 0) / a.data.length);
  assert.ok(Math.abs(mean - 128) < 0.6 && Math.abs(sd - 10) < 0.5, `mean ${mean}, sd ${sd}`);
});

test('jpeg at quality 10 damages a grey gradient more than at 95, and keeps size and channels', async () => {
  const img = grey(48, 48, (x, y) => (x * 5 + y * 3 + ((x * y) % 7) * 9) % 256);
  const err = (p: Pixels) => p.data.reduce((s, v, i) => s + Math.abs(v - (img.data[i] as number)), 0) / p.data.length;
  const low = await jpegRoundTrip(img, 10);
  const high = await jpegRoundTrip(img, 95);
  assert.equal(low.channels, 1);
  assert.equal(low.width, 48);
  assert.ok(err(low) > 2 * err(high), `mean |error| ${err(low)} at q10, ${err(high)} at q95`);
});
