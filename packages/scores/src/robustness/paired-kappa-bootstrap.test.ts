import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countTableFromRatings, fleissKappa, mulberry32 } from '@ferbench/shared';
import { pairedKappaBootstrap, pairedPatterns } from './paired-kappa-bootstrap.js';

const AB = ['a', 'b'];

/** Fleiss κ from the textbook (Fleiss 1971), one face at a time: written apart from the code under test. */
function textbookKappa(faces: readonly (readonly string[])[], categories: readonly string[]): number {
  const m = faces[0]!.length;
  const n = faces.length;
  const p = categories.map((c) => faces.reduce((a, f) => a + f.filter((x) => x === c).length, 0) / (n * m));
  const pBar = faces.reduce((a, f) => a + (categories.reduce((s, c) => s + f.filter((x) => x === c).length ** 2, 0) - m) / (m * (m - 1)), 0) / n;
  const pe = p.reduce((a, x) => a + x * x, 0);
  return (pBar - pe) / (1 - pe);
}

const rows = (categories: readonly string[], faces: readonly (readonly string[])[]) => countTableFromRatings(categories, faces[0]!.length, faces).rows;
const table = (categories: readonly string[], clean: readonly (readonly string[])[], perturbed: readonly (readonly string[])[]) =>
  pairedPatterns(categories, rows(categories, clean), rows(categories, perturbed));

// Four faces, three raters. Clean: P̄ = (1 + 1 + 1 + 1/3)/4 = 5/6, p = (7/12, 5/12), Pe = 37/72, κ = (5/6 − 37/72)/(35/72) = 23/35.
// Perturbed: P̄ = (1/3 + 1/3 + 1 + 1/3)/4 = 1/2, the same p, κ = (1/2 − 37/72)/(35/72) = −1/35; Δκ = −24/35.
const CLEAN = [['a', 'a', 'a'], ['b', 'b', 'b'], ['a', 'a', 'a'], ['a', 'b', 'b']];
const PERTURBED = [['a', 'a', 'b'], ['a', 'b', 'b'], ['a', 'a', 'a'], ['a', 'b', 'b']];

test('the point estimates of a hand-checked case: κ clean 23/35, κ perturbed −1/35, Δκ −24/35', () => {
  const r = pairedKappaBootstrap(table(AB, CLEAN, PERTURBED), 3, { resamples: 200, seed: 1 });
  assert.ok(Math.abs(r.kappaClean.value! - 23 / 35) < 1e-12, String(r.kappaClean.value));
  assert.ok(Math.abs(r.kappaPerturbed.value! - -1 / 35) < 1e-12, String(r.kappaPerturbed.value));
  assert.ok(Math.abs(r.delta! - -24 / 35) < 1e-12, String(r.delta));
  assert.equal(table(AB, CLEAN, PERTURBED).patterns.reduce((a, p) => a + p.weight, 0), 4);
  assert.equal(table(AB, CLEAN, PERTURBED).patterns.length, 4, 'faces 1 and 3 are both (a,a,a) clean but differ perturbed');
});

/** Sixty faces of four raters over three labels, and a perturbation that moves some raters on some faces. */
function synthetic(seed: number): { clean: string[][]; perturbed: string[][] } {
  const random = mulberry32(seed);
  const labels = ['x', 'y', 'z'];
  const clean: string[][] = [];
  const perturbed: string[][] = [];
  for (let i = 0; i < 60; i++) {
    const truth = labels[Math.floor(random() * 3)]!;
    const face = [0, 1, 2, 3].map(() => (random() < 0.7 ? truth : labels[Math.floor(random() * 3)]!));
    clean.push(face);
    perturbed.push(face.map((x) => (random() < 0.3 ? labels[Math.floor(random() * 3)]! : x)));
  }
  return { clean, perturbed };
}

test('the point estimates equal the existing Fleiss κ and the textbook one to 1e-12', () => {
  const { clean, perturbed } = synthetic(7);
  const r = pairedKappaBootstrap(table(['x', 'y', 'z'], clean, perturbed), 4, { resamples: 10, seed: 1 });
  const existingClean = fleissKappa(countTableFromRatings(['x', 'y', 'z'], 4, clean)).value!;
  const existingPerturbed = fleissKappa(countTableFromRatings(['x', 'y', 'z'], 4, perturbed)).value!;
  assert.ok(Math.abs(r.kappaClean.value! - existingClean) < 1e-12);
  assert.ok(Math.abs(r.kappaPerturbed.value! - existingPerturbed) < 1e-12);
  assert.ok(Math.abs(r.kappaClean.value! - textbookKappa(clean, ['x', 'y', 'z'])) < 1e-12);
  assert.ok(Math.abs(r.delta! - (existingPerturbed - existingClean)) < 1e-12);
});

test('the CIs agree with a face-by-face paired bootstrap written from scratch (within Monte Carlo error)', () => {
  const { clean, perturbed } = synthetic(11);
  const categories = ['x', 'y', 'z'];
  const resamples = 4000;
  const r = pairedKappaBootstrap(table(categories, clean, perturbed), 4, { resamples, seed: 3 });
  // The reference: draw face indices, take each drawn face clean and perturbed, textbook κ, percentile (type 7).
  const random = mulberry32(99);
  const draws = { clean: [] as number[], perturbed: [] as number[], delta: [] as number[] };
  for (let b = 0; b < resamples; b++) {
    const idx = clean.map(() => Math.floor(random() * clean.length));
    const c = textbookKappa(idx.map((i) => clean[i]!), categories);
    const p = textbookKappa(idx.map((i) => perturbed[i]!), categories);
    draws.clean.push(c);
    draws.perturbed.push(p);
    draws.delta.push(p - c);
  }
  const quantile = (values: number[], q: number) => {
    const s = [...values].sort((a, b) => a - b);
    const h = (s.length - 1) * q;
    return s[Math.floor(h)]! + (h - Math.floor(h)) * (s[Math.ceil(h)]! - s[Math.floor(h)]!);
  };
  for (const name of ['clean', 'perturbed', 'delta'] as const) {
    const ci = r.ci[name];
    assert.equal(ci.resamples, resamples);
    assert.ok(ci.low !== null && ci.high !== null);
    assert.ok(Math.abs(ci.low - quantile(draws[name], 0.025)) < 0.03, `${name} low ${ci.low} vs ${quantile(draws[name], 0.025)}`);
    assert.ok(Math.abs(ci.high - quantile(draws[name], 0.975)) < 0.03, `${name} high ${ci.high} vs ${quantile(draws[name], 0.975)}`);
  }
  const value = { clean: r.kappaClean.value!, perturbed: r.kappaPerturbed.value!, delta: r.delta! };
  for (const name of ['clean', 'perturbed', 'delta'] as const) assert.ok(r.ci[name].low! < value[name] && value[name] < r.ci[name].high!, name);
  // Paired: the faces' own difficulty cancels, so Δκ's interval is narrower than the two κ intervals side by side allow.
  assert.ok(r.ci.delta.high! - r.ci.delta.low! < r.ci.clean.high! - r.ci.clean.low! + (r.ci.perturbed.high! - r.ci.perturbed.low!));
});

test('seeded and order-free: the same faces and seed give the same CIs in any order; another seed other ones', () => {
  const { clean, perturbed } = synthetic(5);
  const categories = ['x', 'y', 'z'];
  const a = pairedKappaBootstrap(table(categories, clean, perturbed), 4, { resamples: 300, seed: 8 });
  const b = pairedKappaBootstrap(table(categories, [...clean].reverse(), [...perturbed].reverse()), 4, { resamples: 300, seed: 8 });
  const c = pairedKappaBootstrap(table(categories, clean, perturbed), 4, { resamples: 300, seed: 9 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.ci, c.ci);
});

test('an identity perturbation: Δκ is 0 on every resample, and the κ CIs clean and perturbed are the same', () => {
  const { clean } = synthetic(2);
  const r = pairedKappaBootstrap(table(['x', 'y', 'z'], clean, clean), 4, { resamples: 200, seed: 1 });
  assert.equal(r.delta, 0);
  assert.deepEqual([r.ci.delta.low, r.ci.delta.high], [0, 0]);
  assert.deepEqual(r.ci.clean, r.ci.perturbed);
});

test('no faces: κ undefined with a reason and CIs with null bounds saying why', () => {
  const r = pairedKappaBootstrap({ categories: AB, patterns: [] }, 3);
  assert.equal(r.kappaClean.value, null);
  assert.equal(r.delta, null);
  assert.equal(r.ci.delta.low, null);
  assert.equal(r.ci.delta.resamples, 1000, 'the default: 1,000 resamples');
  assert.throws(() => pairedPatterns(AB, [[1, 2]], []), /differ in length/);
});
