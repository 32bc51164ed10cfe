import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from './assert-close.js';
import { type WeightedPair, fisherInterval, pearsonCorrelation, spearmanCorrelation } from './correlation.js';

const pairsOf = (x: number[], y: number[]): WeightedPair[] => x.map((xi, i) => ({ x: xi, y: y[i]!, weight: 1 }));

// Nine items with ties in both variables; references from scipy 1.17 (pearsonr, spearmanr, and
// pearsonr(...).confidence_interval(), which is the Fisher z interval).
const x = [0, 0, 1, 2, 2, 3, 5, 5, 5];
const y = [1, 0, 1, 3, 2, 2, 4, 6, 6];

describe('pearsonCorrelation', () => {
  it('matches the hand-computed r = 0.8 of (1,1) (2,3) (3,2) (4,4)', () => {
    // Centred: dx = dy' = ±1.5, ±0.5; Σdxdy = 2.25 − 0.25 − 0.25 + 2.25 = 4; Σdx² = Σdy² = 5, so r = 4/5.
    const r = pearsonCorrelation(pairsOf([1, 2, 3, 4], [1, 3, 2, 4]));
    assert.ok(r.value !== null);
    assertClose(r.value, 0.8, 'r');
    assert.equal(r.n, 4);
    // Fisher: n − 3 = 1, so the interval is tanh(atanh 0.8 ∓ z₀.₉₇₅).
    assertClose(r.ciLow, Math.tanh(Math.atanh(0.8) - 1.959963984540054), 'ciLow');
    assertClose(r.ciHigh, Math.tanh(Math.atanh(0.8) + 1.959963984540054), 'ciHigh');
  });

  it('matches scipy pearsonr and its confidence interval, with ties', () => {
    const r = pearsonCorrelation(pairsOf(x, y));
    assert.ok(r.value !== null);
    assertClose(r.value, 0.923597089536782, 'r');
    assertClose(r.ciLow, 0.6711395424195014, 'ciLow');
    assertClose(r.ciHigh, 0.9840942213652295, 'ciHigh');
    assert.equal(r.n, 9);
  });

  it('gives the same r for weighted pairs as for the items they stand for', () => {
    const weighted = [
      { x: 0, y: 1, weight: 1 },
      { x: 0, y: 0, weight: 1 },
      { x: 1, y: 1, weight: 1 },
      { x: 2, y: 3, weight: 1 },
      { x: 2, y: 2, weight: 1 },
      { x: 3, y: 2, weight: 1 },
      { x: 5, y: 4, weight: 1 },
      { x: 5, y: 6, weight: 2 },
      { x: 9, y: 9, weight: 0 },
    ];
    assertClose(pearsonCorrelation(weighted).value, 0.923597089536782, 'r');
    assertClose(spearmanCorrelation(weighted).value, 0.9351438002390359, 'ρ');
  });

  it('is null with its reason for a constant variable or too few items, and rejects bad pairs', () => {
    assert.deepEqual(pearsonCorrelation(pairsOf([1, 1, 1], [1, 2, 3])), { value: null, reason: 'one of the two variables is constant over the items, so r is 0/0' });
    assert.deepEqual(pearsonCorrelation(pairsOf([1], [1])), { value: null, reason: 'a correlation needs at least 2 items, there is 1' });
    assert.throws(() => pearsonCorrelation([{ x: Number.NaN, y: 1, weight: 1 }]), /pair 0: \(NaN, 1\) is not a pair of finite numbers/);
    assert.throws(() => pearsonCorrelation([{ x: 1, y: 1, weight: 0.5 }]), /pair 0: weight 0.5/);
  });
});

describe('spearmanCorrelation', () => {
  it('matches scipy spearmanr with ties (mid-ranks) and the Fieller 1.06 interval', () => {
    const rho = spearmanCorrelation(pairsOf(x, y));
    assert.ok(rho.value !== null);
    assertClose(rho.value, 0.9351438002390359, 'ρ');
    assertClose(rho.ciLow, 0.7034388016394069, 'ciLow');
    assertClose(rho.ciHigh, 0.9871788883627595, 'ciHigh');
  });

  it('is 1 for any increasing relation, with no interval at |ρ| = 1', () => {
    const rho = spearmanCorrelation(pairsOf([1, 2, 3, 4, 5], [1, 4, 9, 16, 25]));
    assert.equal(rho.value, 1);
    assert.deepEqual(rho.value !== null && [rho.ciLow, rho.ciHigh], [null, null]);
  });
});

describe('fisherInterval', () => {
  it('needs at least 4 items', () => {
    assert.deepEqual(fisherInterval(0.5, 3), { ciLow: null, ciHigh: null });
  });
});
