import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Z_975 } from './normal-distribution.js';
import { ratingCorrelations } from './rating-correlation.js';

/** Exact to 1e-12: these references are worked by hand, not another program's rounding. */
function exact(actual: number | null | undefined, expected: number, what: string): void {
  assert.equal(typeof actual, 'number', `${what}: ${actual}`);
  assert.ok(Math.abs((actual as number) - expected) <= 1e-12, `${what}: expected ${expected}, got ${actual}`);
}

/**
 * Four faces rated for happiness, with ties in both variables:
 *   probability 0.1, 0.5, 0.5, 0.9 → mid-ranks 1, 2.5, 2.5, 4
 *   rating      1.2, 4.0, 3.1, 4.0 → mid-ranks 1, 3.5, 2,   3.5
 * Centred ranks (mean 2.5): dx = −1.5, 0, 0, 1.5; dy = −1.5, 1, −0.5, 1. Σdx·dy = 2.25 + 1.5 = 3.75,
 * Σdx² = 4.5, Σdy² = 2.25 + 1 + 0.25 + 1 = 4.5, so ρ = 3.75 / 4.5 = 5/6.
 * Three faces rated for sadness: probability 0.2, 0.2, 0.3 → 1.5, 1.5, 3; rating 2, 1, 3 → 2, 1, 3.
 * dx = −0.5, −0.5, 1; dy = 0, −1, 1. Σdx·dy = 0.5 + 1 = 1.5, Σdx² = 1.5, Σdy² = 2, so ρ = 1.5/√3 = √3/2.
 * Pooled, seven pairs: probability 0.1 0.5 0.5 0.9 0.2 0.2 0.3 → 1, 5.5, 5.5, 7, 2.5, 2.5, 4;
 * rating 1.2 4.0 3.1 4.0 2 1 3 → 2, 6.5, 5, 6.5, 3, 1, 4. Mean rank 4: dx = −3, 1.5, 1.5, 3, −1.5, −1.5, 0;
 * dy = −2, 2.5, 1, 2.5, −1, −3, 0. Σdx·dy = 6 + 3.75 + 1.5 + 7.5 + 1.5 + 4.5 = 24.75; Σdx² = 9 + 2.25·4 + 9 = 27;
 * Σdy² = 4 + 6.25 + 1 + 6.25 + 1 + 9 = 27.5; ρ = 24.75 / √(27 · 27.5).
 */
const CELLS = [
  { emotion: 'happiness', probability: 0.1, rating: 1.2, faces: 1 },
  { emotion: 'happiness', probability: 0.5, rating: 4.0, faces: 1 },
  { emotion: 'happiness', probability: 0.5, rating: 3.1, faces: 1 },
  { emotion: 'happiness', probability: 0.9, rating: 4.0, faces: 1 },
  { emotion: 'sadness', probability: 0.2, rating: 2, faces: 1 },
  { emotion: 'sadness', probability: 0.2, rating: 1, faces: 1 },
  { emotion: 'sadness', probability: 0.3, rating: 3, faces: 1 },
  { emotion: 'fear', probability: 0.3, rating: 3, faces: 5 },
];

describe('ratingCorrelations', () => {
  const result = ratingCorrelations(CELLS, ['happiness', 'sadness']);

  it('gives the hand-computed Spearman ρ with ties per emotion, and its Fisher z interval with Fieller’s 1.06', () => {
    const [happy, sad] = result.perEmotion;
    assert.deepEqual([happy?.emotion, happy?.n, sad?.emotion, sad?.n], ['happiness', 4, 'sadness', 3]);
    assert.ok(happy?.spearman.value != null && sad?.spearman.value != null);
    exact(happy.spearman.value, 5 / 6, 'ρ happiness');
    const half = Z_975 * Math.sqrt(1.06 / (4 - 3));
    exact(happy.spearman.ciLow, Math.tanh(Math.atanh(5 / 6) - half), 'ciLow happiness');
    exact(happy.spearman.ciHigh, Math.tanh(Math.atanh(5 / 6) + half), 'ciHigh happiness');
    exact(sad.spearman.value, Math.sqrt(3) / 2, 'ρ sadness');
    // n = 3 < 4: no Fisher interval.
    assert.deepEqual([sad.spearman.ciLow, sad.spearman.ciHigh], [null, null]);
  });

  it('pools every (face, emotion) pair of the chosen emotions into one ranking, leaving the others out', () => {
    assert.equal(result.pooled.n, 7);
    const rho = 24.75 / Math.sqrt(27 * 27.5);
    exact(result.pooled.spearman.value, rho, 'pooled ρ');
    const half = Z_975 * Math.sqrt(1.06 / (7 - 3));
    exact(result.pooled.spearman.value === null ? null : result.pooled.spearman.ciLow, Math.tanh(Math.atanh(rho) - half), 'pooled ciLow');
  });

  it('counts a cell of several faces as that many tied pairs, and says why ρ is undefined for a constant or empty emotion', () => {
    const weighted = ratingCorrelations(
      [
        { emotion: 'happiness', probability: 0.1, rating: 1.2, faces: 1 },
        { emotion: 'happiness', probability: 0.5, rating: 4.0, faces: 2 },
        { emotion: 'happiness', probability: 0.9, rating: 4.5, faces: 1 },
      ],
      ['happiness'],
    );
    // ranks x: 1, 2.5, 2.5, 4; y: 1, 2.5, 2.5, 4: identical, so ρ = 1.
    exact(weighted.perEmotion[0]?.spearman.value, 1, 'ρ weighted');
    const fear = ratingCorrelations(CELLS, ['fear', 'anger']).perEmotion;
    assert.deepEqual(fear[0]?.spearman, { value: null, reason: 'one of the two variables is constant over the items, so r is 0/0' });
    assert.deepEqual(fear[1], { emotion: 'anger', n: 0, spearman: { value: null, reason: 'a correlation needs at least 2 items, there are 0' } });
  });
});
