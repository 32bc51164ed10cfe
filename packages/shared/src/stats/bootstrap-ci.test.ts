import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accuracyBootstrapCi } from './accuracy-bootstrap.js';
import { bootstrapCi, bootstrapTableCi } from './bootstrap-ci.js';
import { fleissKappa } from './fleiss-kappa.js';
import { type Random, mulberry32 } from './seeded-random.js';

describe('mulberry32', () => {
  it('is reproducible from its seed and uniform on [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 10000 }, () => a());
    assert.deepEqual(draws.slice(0, 5), Array.from({ length: 5 }, () => b()));
    assert.notDeepEqual(draws.slice(0, 5), Array.from({ length: 5 }, mulberry32(43)));
    assert.ok(draws.every((x) => x >= 0 && x < 1));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    assert.ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
  });
});

describe('bootstrapCi', () => {
  const values = Array.from({ length: 50 }, (_, i) => i % 7);
  const mean = (sample: Uint32Array) => sample.reduce((s, i) => s + values[i]!, 0) / sample.length;

  it('gives the same interval for the same seed and reports its settings', () => {
    const first = bootstrapCi(values.length, mean, { resamples: 300, seed: 7 });
    assert.deepEqual(bootstrapCi(values.length, mean, { resamples: 300, seed: 7 }), first);
    assert.notDeepEqual(bootstrapCi(values.length, mean, { resamples: 300, seed: 8 }), first);
    assert.equal(first.level, 0.95);
    assert.equal(first.resamples, 300);
    assert.equal(first.undefinedResamples, 0);
    assert.ok(first.low !== null && first.low < 2.94 && first.high! > 2.94, `${first.low}–${first.high} around the mean 2.94`);
  });

  it('interpolates percentiles like R quantile type 7', () => {
    // A statistic that returns 1, 2, …, 5 in turn: the 2.5% and 97.5% points are 1.1 and 4.9.
    let call = 0;
    const ci = bootstrapCi(3, () => (call++ % 5) + 1, { resamples: 5, seed: 1 });
    assert.ok(ci.low !== null);
    assert.ok(Math.abs(ci.low - 1.1) < 1e-12 && Math.abs(ci.high - 4.9) < 1e-12, `${ci.low} ${ci.high}`);
  });

  it('leaves undefined resamples out and is null with a reason when none is defined', () => {
    let call = 0;
    const some = bootstrapCi(3, () => (call++ % 2 === 0 ? null : 1), { resamples: 10, seed: 1 });
    assert.equal(some.undefinedResamples, 5);
    const none = bootstrapCi(3, () => null, { resamples: 10, seed: 1 });
    assert.ok(none.low === null && /undefined on every resample/.test(none.reason));
    const empty = bootstrapCi(0, mean, { resamples: 10, seed: 1 });
    assert.ok(empty.low === null && /no items/.test(empty.reason));
    assert.throws(() => bootstrapCi(3, mean, { resamples: 0, seed: 1 }), /positive integer/);
  });

  it('resamples faces for accuracy, skipping items without gold', () => {
    const gold = ['a', 'a', 'b', 'b', null, 'a', 'b', 'a'];
    const predicted = ['a', 'b', 'b', 'b', 'a', 'a', 'a', 'a'];
    const ci = accuracyBootstrapCi(['a', 'b'], gold, predicted, { resamples: 500, seed: 3 });
    assert.ok(ci.low !== null && ci.low >= 0 && ci.low < 5 / 7 && ci.high > 5 / 7 && ci.high <= 1, `${ci.low}–${ci.high}`);
  });
});

/**
 * Ratings with a known population Fleiss κ: each face has a true class c ~ π; each rater independently reports c
 * with probability a and otherwise a draw from π. Every rating then has marginal π, two raters agree with
 * probability a² + (1 − a²)Σπ², so κ = a² exactly.
 */
function simulateCounts(random: Random, items: number, raters: number, prior: readonly number[], a: number): number[][] {
  const draw = () => {
    let u = random();
    for (let k = 0; k < prior.length - 1; k++) if ((u -= prior[k]!) < 0) return k;
    return prior.length - 1;
  };
  return Array.from({ length: items }, () => {
    const truth = draw();
    const row = new Array<number>(prior.length).fill(0);
    for (let r = 0; r < raters; r++) row[random() < a ? truth : draw()]!++;
    return row;
  });
}

describe('bootstrap CI coverage (simulation)', () => {
  it('the 95% CI of Fleiss κ covers the true κ = a² in at least 90% of repetitions', () => {
    const categories = ['x', 'y', 'z'];
    const prior = [0.5, 0.3, 0.2];
    const a = 0.7;
    const trueKappa = a * a;
    const random = mulberry32(20240613);
    // 300 faces: at n = 100 the percentile interval of κ is still a little narrow (≈93% coverage).
    const repetitions = 150;
    let covered = 0;
    for (let rep = 0; rep < repetitions; rep++) {
      const rows = simulateCounts(random, 300, 5, prior, a);
      const ci = bootstrapTableCi({ categories, rows }, (t) => fleissKappa(t), { resamples: 200, seed: rep });
      assert.ok(ci.low !== null);
      if (ci.low <= trueKappa && trueKappa <= ci.high) covered++;
    }
    assert.ok(covered >= 0.9 * repetitions, `covered ${covered}/${repetitions}`);
    // A CI that always covers proves nothing: it must also miss sometimes.
    assert.ok(covered < repetitions, `covered ${covered}/${repetitions}: intervals are suspiciously wide`);
  });
});
