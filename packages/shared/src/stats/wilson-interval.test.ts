import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClose } from './assert-close.js';
import { wilsonInterval } from './wilson-interval.js';

// References: scipy 1.17, binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson').
test('wilsonInterval matches scipy', () => {
  for (const [k, n, low, high] of [
    [2130, 3122, 0.6657072986989407, 0.6983546714911086],
    [7, 10, 0.39677814746114526, 0.892208732593699],
    [0, 10, 0, 0.27753279986288926],
  ] as const) {
    const ci = wilsonInterval(k, n);
    assertClose(ci.ciLow, low, `${k}/${n} low`);
    assertClose(ci.ciHigh, high, `${k}/${n} high`);
  }
});

test('wilsonInterval: no interval without items; a count above n is refused', () => {
  assert.deepEqual(wilsonInterval(0, 0), { ciLow: null, ciHigh: null });
  assert.throws(() => wilsonInterval(11, 10), /11 successes of 10/);
});
