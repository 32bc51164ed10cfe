import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleBinomial, sampleMultinomial } from './binomial-sample.js';
import { mulberry32 } from './seeded-random.js';

/** Binomial(n, p) pmf over 0…n by the ratio recurrence in logs (exact enough for n up to millions). */
function binomialPmf(n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  let log = n * Math.log1p(-p);
  pmf[0] = Math.exp(log);
  for (let k = 1; k <= n; k++) {
    log += Math.log(((n - k + 1) * p) / (k * (1 - p)));
    pmf[k] = Math.exp(log);
  }
  return pmf;
}

/**
 * Pearson's χ² of `draws` against the pmf, bins merged until each expects ≥ 10, and the 99.9% point of χ²(df)
 * by Wilson–Hilferty. The seeds are fixed, so this is a deterministic check that a wrong sampler fails.
 */
function chiSquare(draws: Int32Array, pmf: Float64Array): { statistic: number; critical: number; df: number } {
  const observed = new Float64Array(pmf.length);
  for (const x of draws) observed[x]!++;
  const bins: [number, number][] = [];
  let o = 0;
  let e = 0;
  for (let k = 0; k < pmf.length; k++) {
    o += observed[k]!;
    e += pmf[k]! * draws.length;
    if (e >= 10) {
      bins.push([o, e]);
      o = 0;
      e = 0;
    }
  }
  const last = bins[bins.length - 1]!;
  last[0] += o;
  last[1] += e;
  const statistic = bins.reduce((s, [ob, ex]) => s + (ob - ex) ** 2 / ex, 0);
  const df = bins.length - 1;
  const critical = df * (1 - 2 / (9 * df) + 3.09 * Math.sqrt(2 / (9 * df))) ** 3;
  return { statistic, critical, df };
}

describe('sampleBinomial', () => {
  // Inversion (n·p ≤ 30), BTPE near and far from the mode (k > 20 uses the Stirling test), and p > 1/2.
  const cases: [n: number, p: number][] = [
    [10, 0.3],
    [1_000_000, 0.00002],
    [200, 0.4],
    [5000, 0.2],
    [1_000_000, 0.37],
    [300, 0.85],
  ];
  for (const [n, p] of cases)
    it(`draws Binomial(${n}, ${p}) with its pmf, mean and variance`, () => {
      const random = mulberry32(n + Math.round(p * 1e6));
      const draws = Int32Array.from({ length: 40_000 }, () => sampleBinomial(random, n, p));
      assert.ok(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= n));
      const { statistic, critical, df } = chiSquare(draws, binomialPmf(n, p));
      assert.ok(statistic < critical, `χ² = ${statistic} on ${df} df exceeds ${critical}`);
      const mean = draws.reduce((a, x) => a + x, 0) / draws.length;
      const variance = draws.reduce((a, x) => a + (x - mean) ** 2, 0) / (draws.length - 1);
      const sd = Math.sqrt(n * p * (1 - p));
      assert.ok(Math.abs(mean - n * p) < (4 * sd) / Math.sqrt(draws.length), `mean ${mean} vs ${n * p}`);
      assert.ok(Math.abs(variance / (sd * sd) - 1) < 0.05, `variance ${variance} vs ${sd * sd}`);
    });

  it('is exact at the edges, reproducible from the seed, and rejects impossible arguments', () => {
    const random = mulberry32(1);
    assert.deepEqual([sampleBinomial(random, 0, 0.5), sampleBinomial(random, 7, 0), sampleBinomial(random, 7, 1)], [0, 0, 7]);
    const draw = (seed: number) => Array.from({ length: 20 }, ((r) => () => sampleBinomial(r, 1000, 0.3))(mulberry32(seed)));
    assert.deepEqual(draw(5), draw(5));
    assert.notDeepEqual(draw(5), draw(6));
    assert.throws(() => sampleBinomial(random, 2.5, 0.5), /non-negative integer/);
    assert.throws(() => sampleBinomial(random, 3, 1.5), /p must be in \[0, 1\]/);
  });
});

describe('sampleMultinomial', () => {
  it('spreads exactly n draws over the outcomes in proportion to their weights, none on weight 0', () => {
    const random = mulberry32(9);
    const weights = [500_000, 0, 300_000, 150_000, 49_990, 10];
    const n = weights.reduce((a, w) => a + w, 0);
    const sums = new Float64Array(weights.length);
    const resamples = 400;
    for (let b = 0; b < resamples; b++) {
      const counts = sampleMultinomial(random, n, weights);
      assert.equal(counts.reduce((a, x) => a + x, 0), n);
      assert.equal(counts[1], 0);
      counts.forEach((x, j) => (sums[j]! += x));
    }
    weights.forEach((w, j) => {
      const sd = Math.sqrt((n * w * (n - w)) / n ** 2);
      assert.ok(Math.abs(sums[j]! / resamples - w) <= (4 * sd) / Math.sqrt(resamples) + 1e-9, `outcome ${j}: mean ${sums[j]! / resamples} vs ${w}`);
    });
  });

  it('rejects fractional weights and drawing from nothing', () => {
    assert.throws(() => sampleMultinomial(mulberry32(1), 3, [1.5, 2]), /weight 0 must be a non-negative integer/);
    assert.throws(() => sampleMultinomial(mulberry32(1), 3, [0, 0]), /all have weight 0/);
    assert.deepEqual(Array.from(sampleMultinomial(mulberry32(1), 0, [0, 0])), [0, 0]);
  });
});
