import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Emotion, WeightedCounts } from '@ferbench/shared';
import { FAKE_DATASET, fakeModel } from '../../testing/fake-views.js';
import { AgreementError, AgreementErrorCode } from './agreement.error.js';
import { inlineAgreements } from '../../compute/agreement-computer.js';
import { AgreementService } from './agreement.service.js';

const SEVEN: Emotion[] = ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger'];
const models = {
  a: fakeModel('a', SEVEN),
  b: fakeModel('b', [...SEVEN, 'contempt']),
  c: fakeModel('c', ['neutral', 'happiness', 'contempt']),
  d: fakeModel('d', SEVEN),
};
const NO_BOOTSTRAP = { resamples: 0, seed: 1 };

function service(patterns: WeightedCounts[], pairTables: number[][][] = []) {
  const calls: { modelIds: readonly string[]; labelSet: readonly Emotion[] }[] = [];
  const agreement = new AgreementService(
    {
      countPatterns: async (_dataset, modelIds, labelSet) => {
        calls.push({ modelIds, labelSet });
        return { categories: labelSet, patterns };
      },
      pairTables: async (_dataset, modelIds) =>
        modelIds.flatMap((first, i) => modelIds.slice(i + 1).map((second) => ({ first, second, table: pairTables.shift()! }))),
    },
    { get: async () => FAKE_DATASET },
    { getMany: async (ids) => ids.map((id) => models[id as keyof typeof models]), listPredictedOn: async () => [models.a, models.b] },
    inlineAgreements,
  );
  return { agreement, calls };
}

test('the label set is what every chosen model can emit, and the count patterns are asked for exactly that', async () => {
  const { agreement, calls } = service([
    { counts: [2, 0, 0], weight: 1 },
    { counts: [0, 1, 1], weight: 1 },
  ]);
  const result = await agreement.agreement('d', { models: ['b', 'c'] }, NO_BOOTSTRAP);
  assert.deepEqual(result.labelSet, ['neutral', 'happiness', 'contempt']);
  assert.deepEqual(calls, [{ modelIds: ['b', 'c'], labelSet: ['neutral', 'happiness', 'contempt'] }]);
  assert.equal(result.nFaces, 2);
  assert.equal(result.nRaters, 2);
  // P̄ = (1 + 0)/2, p = (1/2, 1/4, 1/4), P_e = 3/8: κ = (1/2 − 3/8)/(1 − 3/8) = 1/5.
  assert.ok(Math.abs(result.fleiss.value! - 0.2) < 1e-12, String(result.fleiss.value));
  assert.equal(result.fleissKappa, result.fleiss.value);
  assert.equal(result.fleiss.interpretation, 'slight');
  assert.equal(result.interpretation, 'slight');
  assert.deepEqual(result.fleiss.perCategory.map((c) => c.label), ['neutral', 'happiness', 'contempt']);
  assert.equal(result.percentAgreement.value, 0.5);
});

test('a chosen label set comes back in canonical order; a label some model cannot emit is refused, naming it and the model', async () => {
  const { agreement, calls } = service([{ counts: [1, 1], weight: 3 }]);
  const result = await agreement.agreement('d', { models: ['a', 'b'], labelSet: ['sadness', 'neutral'] }, NO_BOOTSTRAP);
  assert.deepEqual(result.labelSet, ['neutral', 'sadness']);
  assert.deepEqual(calls[0]!.labelSet, ['neutral', 'sadness']);

  await assert.rejects(agreement.agreement('d', { models: ['a', 'b', 'c'], labelSet: ['neutral', 'sadness'] }, NO_BOOTSTRAP), (error: unknown) => {
    assert.ok(error instanceof AgreementError);
    assert.equal(error.code, AgreementErrorCode.LabelNotEmittable);
    assert.deepEqual(error.details, { labels: ['sadness'], models: ['c'] });
    return true;
  });
});

test('left-out models mean every model with predictions on the dataset', async () => {
  const { agreement, calls } = service([{ counts: [1, 1, 0, 0, 0, 0, 0], weight: 1 }]);
  const result = await agreement.agreement('d', {}, NO_BOOTSTRAP);
  assert.deepEqual(result.models.map((m) => m.id), ['a', 'b']);
  assert.deepEqual(calls[0]!.labelSet, SEVEN);
});

test('each statistic counts the faces it can use: complete for κ and percent agreement, 2+ ratings for α, 1+ for AC1', async () => {
  const { agreement } = service([
    { counts: [3, 0], weight: 4 },
    { counts: [1, 2], weight: 2 },
    { counts: [1, 1], weight: 3 },
    { counts: [0, 1], weight: 5 },
  ]);
  const result = await agreement.agreement('d', { models: ['a', 'b', 'c'] }, NO_BOOTSTRAP);
  assert.equal(result.nFaces, 6);
  assert.equal(result.fleiss.n, 6);
  assert.equal(result.percentAgreement.n, 6);
  assert.equal(result.krippendorffAlpha.n, 9);
  assert.equal(result.gwetAc1.n, 14);
  assert.ok(Math.abs(result.percentAgreement.value! - 4 / 6) < 1e-12);
  assert.ok(result.gwetAc1.se !== null && result.fleiss.se !== null, 'AC1 and κ have analytic SEs');
  assert.equal(result.krippendorffAlpha.se, null);
});

test('CIs come from the seeded bootstrap: the same seed gives the same bounds, resamples 0 none, with reasons', async () => {
  const patterns = [
    { counts: [3, 0, 0], weight: 40 },
    { counts: [2, 1, 0], weight: 25 },
    { counts: [0, 3, 0], weight: 20 },
    { counts: [1, 1, 1], weight: 10 },
    { counts: [0, 0, 3], weight: 5 },
  ];
  const { agreement } = service(patterns);
  const choice = { models: ['a', 'b', 'd'], labelSet: ['neutral', 'happiness', 'sadness'] };
  const first = await agreement.agreement('d', choice, { resamples: 300, seed: 5 });
  assert.deepEqual(await agreement.agreement('d', choice, { resamples: 300, seed: 5 }), first);
  for (const estimate of [first.fleiss, first.krippendorffAlpha, first.gwetAc1, first.percentAgreement]) {
    assert.ok(estimate.ciLow! < estimate.value! && estimate.value! < estimate.ciHigh!, `${estimate.ciLow} < ${estimate.value} < ${estimate.ciHigh}`);
    assert.deepEqual([estimate.resamples, estimate.seed, estimate.ciLevel, estimate.ciReason], [300, 5, 0.95, null]);
  }
  const other = await agreement.agreement('d', choice, { resamples: 300, seed: 6 });
  assert.notEqual(other.fleiss.ciLow, first.fleiss.ciLow);

  const none = await agreement.agreement('d', choice, NO_BOOTSTRAP);
  assert.equal(none.fleiss.value, first.fleiss.value);
  assert.deepEqual([none.fleiss.ciLow, none.fleiss.ciHigh, none.fleiss.resamples], [null, null, 0]);
  assert.match(none.fleiss.ciReason!, /resamples: 0/);
});

test('an undefined κ is null with the reason, its CI and interpretation null too, never NaN', async () => {
  const oneCategory = await service([{ counts: [2, 0, 0, 0, 0, 0, 0], weight: 2 }]).agreement.agreement('d', { models: ['a', 'b'] }, { resamples: 50, seed: 1 });
  assert.equal(oneCategory.fleiss.value, null);
  assert.match(oneCategory.fleiss.reason!, /one category/);
  assert.equal(oneCategory.fleissKappaReason, oneCategory.fleiss.reason);
  assert.deepEqual([oneCategory.fleiss.interpretation, oneCategory.fleiss.ciLow, oneCategory.fleiss.se], [null, null, null]);
  assert.ok(oneCategory.fleiss.ciReason);

  const noFaces = await service([]).agreement.agreement('d', { models: ['a', 'b'] }, { resamples: 50, seed: 1 });
  assert.equal(noFaces.nFaces, 0);
  for (const estimate of [noFaces.fleiss, noFaces.krippendorffAlpha, noFaces.gwetAc1, noFaces.percentAgreement]) {
    assert.equal(estimate.value, null);
    assert.ok(estimate.reason && estimate.ciReason);
    assert.equal(estimate.n, 0);
  }
  assert.doesNotMatch(JSON.stringify(noFaces), /NaN|Infinity/);
});

test('pairwise: one κ per unordered pair in the order asked, with n the faces in its table', async () => {
  const tables = [
    [
      [5, 1],
      [2, 4],
    ],
    [
      [0, 0],
      [0, 0],
    ],
    [
      [3, 0],
      [0, 3],
    ],
  ];
  const { agreement } = service([], tables);
  const result = await agreement.pairwise('d', { models: ['c', 'a', 'b'], labelSet: ['neutral', 'happiness'] });
  assert.deepEqual(result.pairs.map((p) => [p.modelA.id, p.modelB.id, p.kappa.n]), [
    ['c', 'a', 12],
    ['c', 'b', 0],
    ['a', 'b', 6],
  ]);
  // po = 9/12, pe = (6·7 + 6·5)/144 = 1/2: κ = (3/4 − 1/2)/(1/2) = 1/2.
  assert.ok(Math.abs(result.pairs[0]!.kappa.value! - 0.5) < 1e-12);
  assert.equal(result.pairs[1]!.kappa.value, null);
  assert.match(result.pairs[1]!.kappa.reason!, /no items rated by both/);
  assert.equal(result.pairs[2]!.kappa.value, 1);
});
