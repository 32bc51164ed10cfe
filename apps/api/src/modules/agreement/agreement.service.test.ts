import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Emotion } from '@ferbench/shared';
import { FAKE_DATASET, fakeModel } from '../../testing/fake-views.js';
import { AgreementService } from './agreement.service.js';

const SEVEN: Emotion[] = ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger'];
const models = { a: fakeModel('a', SEVEN), b: fakeModel('b', [...SEVEN, 'contempt']), c: fakeModel('c', ['neutral', 'happiness', 'contempt']) };

function service(rows: number[][]) {
  const calls: { modelIds: readonly string[]; labelSet: readonly Emotion[] }[] = [];
  const agreement = new AgreementService(
    {
      countTable: async (_dataset, modelIds, labelSet) => {
        calls.push({ modelIds, labelSet });
        return { categories: labelSet, rows };
      },
    },
    { get: async () => FAKE_DATASET },
    { getMany: async (ids) => ids.map((id) => models[id as keyof typeof models]), listPredictedOn: async () => [models.a, models.b] },
  );
  return { agreement, calls };
}

test('the label set is what every chosen model can emit, and the count table is asked for exactly that', async () => {
  const { agreement, calls } = service([
    [2, 0, 0],
    [0, 1, 1],
  ]);
  const result = await agreement.agreement('d', ['b', 'c']);
  assert.deepEqual(result.labelSet, ['neutral', 'happiness', 'contempt']);
  assert.deepEqual(calls, [{ modelIds: ['b', 'c'], labelSet: ['neutral', 'happiness', 'contempt'] }]);
  assert.equal(result.nFaces, 2);
  assert.equal(result.nRaters, 2);
  // P̄ = (1 + 0)/2, p = (1/2, 1/4, 1/4), P_e = 3/8: κ = (1/2 − 3/8)/(1 − 3/8) = 1/5.
  assert.ok(Math.abs(result.fleissKappa! - 0.2) < 1e-12, String(result.fleissKappa));
  assert.equal(result.interpretation, 'slight');
});

test('left-out models mean every model with predictions on the dataset', async () => {
  const { agreement, calls } = service([[1, 1, 0, 0, 0, 0, 0]]);
  const result = await agreement.agreement('d', undefined);
  assert.deepEqual(result.models.map((m) => m.id), ['a', 'b']);
  assert.deepEqual(calls[0]!.labelSet, SEVEN);
});

test('an undefined κ is null with the reason and no interpretation, never NaN', async () => {
  const oneCategory = await service([
    [2, 0, 0, 0, 0, 0, 0],
    [2, 0, 0, 0, 0, 0, 0],
  ]).agreement.agreement('d', ['a', 'b']);
  assert.equal(oneCategory.fleissKappa, null);
  assert.match(oneCategory.fleissKappaReason!, /one category/);
  assert.equal(oneCategory.interpretation, null);

  const noFaces = await service([]).agreement.agreement('d', ['a', 'b']);
  assert.equal(noFaces.nFaces, 0);
  assert.equal(noFaces.fleissKappa, null);
  assert.ok(noFaces.fleissKappaReason);
});
