import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flipRate, pairedAccuracyChange } from './robustness-stats.js';

const close = (a: number | null | undefined, b: number, eps = 1e-9) => assert.ok(a !== null && a !== undefined && Math.abs(a - b) < eps, `${a} ≠ ${b}`);

test('paired accuracy change by hand: 5 faces, clean 3/5, perturbed 1/5', () => {
  // correct clean 1 1 0 1 0, perturbed 1 0 0 0 0: d = 0 −1 0 −1 0, mean −0.4, sample variance 0.3.
  const r = pairedAccuracyChange([0, 1, 2, 0, 1], [0, 1, 0, 0, 2], [0, 0, 0, 1, 2]);
  assert.ok(r.value !== null);
  close(r.value, -0.4);
  assert.equal(r.n, 5);
  close(r.clean, 0.6);
  close(r.perturbed, 0.2);
  close(r.se, Math.sqrt(0.3 / 5));
  close(r.ciLow, -0.4 - 1.959963984540054 * Math.sqrt(0.06));
  close(r.ciHigh, -0.4 + 1.959963984540054 * Math.sqrt(0.06));
});

test('faces without a gold label are left out; no change gives a zero-width CI; too few faces is undefined with a reason', () => {
  const r = pairedAccuracyChange([0, null, 1, 1], [0, 3, 1, 2], [0, 4, 1, 2]);
  assert.ok(r.value !== null);
  assert.equal(r.n, 3);
  assert.deepEqual([r.value, r.se, r.ciLow, r.ciHigh], [0, 0, 0, 0]);
  close(r.clean, 2 / 3);
  const none = pairedAccuracyChange([null, 1], [0, 1], [0, 1]);
  assert.equal(none.value, null);
  assert.match('reason' in none ? none.reason : '', /at least two faces with a gold label \(got 1\)/);
  assert.throws(() => pairedAccuracyChange([0], [0, 1], [0]), /paired inputs differ in length: 1, 2, 1/);
});

test('flip rate: the share of changed labels, gold or not, with its Wilson interval', () => {
  const r = flipRate([0, 1, 0, 0, 2], [0, 0, 0, 1, 2]);
  assert.deepEqual([r.n, r.flips, r.value], [5, 2, 0.4]);
  // Wilson 95% for 2 of 5 (scipy binomtest(2, 5).proportion_ci(method='wilson')): 0.1176…0.7693.
  close(r.ciLow, 0.11762077423264788, 1e-6);
  close(r.ciHigh, 0.7692757187239869, 1e-6);
  assert.deepEqual(flipRate([], []), { n: 0, flips: 0, value: null, ciLow: null, ciHigh: null });
});
