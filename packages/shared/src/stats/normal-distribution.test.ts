import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Z_975, normalCdf, normalUpperTail, twoSidedNormalP } from './normal-distribution.js';

// Reference values: Python 3.11 `0.5 * math.erfc(x / math.sqrt(2))` (the C library's erfc).
const upperTail: [number, number][] = [
  [0.5, 0.3085375387259869],
  [1.96, 0.024997895148220435],
  [3, 0.0013498980316300957],
  [5, 2.866515718791946e-7],
  [10, 7.619853024160593e-24],
  [-2, 0.9772498680518208],
];

describe('normal distribution', () => {
  for (const [x, expected] of upperTail)
    it(`P(Z > ${x}) to 1e-14 relative`, () => {
      const actual = normalUpperTail(x);
      assert.ok(Math.abs(actual - expected) <= 1e-14 * expected, `${actual} vs ${expected}`);
      assert.ok(Math.abs(normalCdf(x) - (1 - expected)) <= 1e-15, 'Φ = 1 − tail');
    });

  it('two-sided p and the 97.5% quantile', () => {
    assert.equal(twoSidedNormalP(0), 1);
    assert.ok(Math.abs(twoSidedNormalP(-3) - 2 * 0.0013498980316300957) < 1e-16);
    assert.ok(Math.abs(normalCdf(Z_975) - 0.975) < 1e-15);
    assert.equal(normalUpperTail(40), 0);
  });
});
