import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ModelInput } from '@ferbench/shared';
import { preprocessingSummary } from './preprocessing-summary.js';

const gray: ModelInput = { name: 'x', layout: 'NHWC', width: 64, height: 64, channels: 1, colorSpace: 'grayscale', crop: 'none', resize: 'linear', scale: 1 / 255, mean: [0.5], std: [0.5], batch: 'dynamic' };

test('the summary gives size, colour, resize, crop and the range (x·scale − mean)/std makes of 0…255', () => {
  assert.equal(preprocessingSummary(gray), '64×64 grayscale, linear resize, no crop, [-1, 1]');
  assert.equal(preprocessingSummary({ ...gray, width: 48, height: 48, mean: [0], std: [1] }), '48×48 grayscale, linear resize, no crop, [0, 1]');
  const faceapi: ModelInput = { ...gray, width: 112, height: 112, channels: 3, colorSpace: 'rgb', scale: 1, mean: [122.782, 117.001, 104.298], std: [255, 255, 255] };
  assert.equal(preprocessingSummary(faceapi), '112×112 rgb, linear resize, no crop, [-0.481, 0.519] [-0.459, 0.541] [-0.409, 0.591]');
  assert.equal(preprocessingSummary({ ...gray, channels: 3, colorSpace: 'bgr', crop: 'align', resize: 'cubic', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] }), '64×64 bgr, cubic resize, align crop, [-1, 1]');
});
