import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EMOTIONS } from '@ferbench/shared';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';
import { indicesOf, labelWithin, readStoredPredictions } from '../../testing/stored-predictions.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_comparison');
});
after(() => api?.stop());

const COMPARE = `query ($a: ID!, $b: ID!, $labelSet: [String!]) {
  compare(modelA: $a, modelB: $b, dataset: "tiny", labelSet: $labelSet) {
    modelA { id } modelB { id } labelSet nFaces nDiffer
    kappa { value se ciLow ciHigh n observedAgreement }
    accuracyA { value n reason } accuracyB { value n reason }
    mcnemar { method statistic p b c n }
  }
}`;

interface Comparison {
  modelA: { id: string };
  modelB: { id: string };
  labelSet: string[];
  nFaces: number;
  nDiffer: number;
  kappa: { value: number; se: number; ciLow: number; ciHigh: number; n: number; observedAgreement: number };
  accuracyA: { value: number; n: number };
  accuracyB: { value: number; n: number };
  mcnemar: { method: string; statistic: number; p: number; b: number; c: number; n: number };
}

/** Everything compare reports, counted face by face from the stored rows, κ by its definition. */
async function expected(a: string, b: string, labelSet: string[]) {
  const allowed = indicesOf(labelSet);
  const rows = await readStoredPredictions(api.db.url, 'tiny');
  const faces = [...new Set(rows.map((r) => r.imageId))].flatMap((id) => {
    const x = rows.find((r) => r.imageId === id && r.modelId === a);
    const y = rows.find((r) => r.imageId === id && r.modelId === b);
    if (!x || !y) return [];
    const gold = x.gold !== null && allowed.includes(x.gold) ? x.gold : null;
    return [{ gold, a: labelWithin(x, allowed), b: labelWithin(y, allowed) }];
  });
  const scored = faces.filter((f) => f.gold !== null);
  const po = faces.filter((f) => f.a === f.b).length / faces.length;
  const pe = allowed.reduce((s, k) => s + (faces.filter((f) => f.a === k).length / faces.length) * (faces.filter((f) => f.b === k).length / faces.length), 0);
  return {
    nFaces: faces.length,
    nDiffer: faces.filter((f) => f.a !== f.b).length,
    kappa: (po - pe) / (1 - pe),
    po,
    scored: scored.length,
    accuracyA: scored.filter((f) => f.a === f.gold).length / scored.length,
    accuracyB: scored.filter((f) => f.b === f.gold).length / scored.length,
    b: scored.filter((f) => f.a === f.gold && f.b !== f.gold).length,
    c: scored.filter((f) => f.a !== f.gold && f.b === f.gold).length,
  };
}

const close = (actual: number, wanted: number, what: string) => assert.ok(Math.abs(actual - wanted) < 1e-12, `${what}: ${actual} vs ${wanted}`);

for (const [a, b, labelSet] of [
  ['alpha', 'beta', undefined],
  ['gamma', 'alpha', undefined],
  ['beta', 'gamma', ['neutral', 'happiness', 'sadness']],
] as const)
  test(`compare ${a} with ${b}${labelSet ? ` over ${labelSet.join(', ')}` : ''}: every number equals the one counted from the rows`, async () => {
    const { compare } = await graphqlData<{ compare: Comparison }>(api.server.url, COMPARE, { a, b, labelSet });
    assert.deepEqual([compare.modelA.id, compare.modelB.id], [a, b]);
    assert.deepEqual(compare.labelSet, labelSet ?? EMOTIONS.slice(0, 7), 'default: the labels both models can emit');
    const want = await expected(a, b, compare.labelSet);
    assert.equal(compare.nFaces, want.nFaces);
    assert.equal(compare.nFaces, a === 'gamma' ? 40 : 36, 'beta skipped 4 faces');
    assert.equal(compare.nDiffer, want.nDiffer);
    assert.ok(compare.nDiffer > 0);
    assert.equal(compare.kappa.n, want.nFaces);
    close(compare.kappa.value, want.kappa, 'κ');
    close(compare.kappa.observedAgreement, want.po, 'observed agreement');
    assert.ok(compare.kappa.se > 0 && compare.kappa.ciLow < compare.kappa.value && compare.kappa.value < compare.kappa.ciHigh);
    assert.deepEqual([compare.accuracyA.n, compare.accuracyB.n, compare.mcnemar.n], [want.scored, want.scored, want.scored]);
    close(compare.accuracyA.value, want.accuracyA, 'accuracy A');
    close(compare.accuracyB.value, want.accuracyB, 'accuracy B');
    assert.deepEqual([compare.mcnemar.b, compare.mcnemar.c], [want.b, want.c]);
    assert.equal(compare.mcnemar.method, want.b + want.c < 25 ? 'exact-binomial' : 'chi-square-continuity');
    assert.ok(compare.mcnemar.p > 0 && compare.mcnemar.p <= 1);
  });

test('compare refuses a model compared with itself and unknown ids', async () => {
  const same = await graphqlRequest(api.server.url, COMPARE, { a: 'alpha', b: 'alpha' });
  assert.equal(same.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(same.errors[0]!.extensions?.reason, 'SAME_MODEL');
  const unknown = await graphqlRequest(api.server.url, COMPARE, { a: 'alpha', b: 'nope' });
  assert.equal(unknown.errors?.[0]?.extensions?.reason, 'MODEL_NOT_FOUND');
  const contempt = await graphqlRequest(api.server.url, COMPARE, { a: 'alpha', b: 'gamma', labelSet: ['contempt', 'neutral'] });
  assert.equal(contempt.errors?.[0]?.extensions?.reason, 'LABEL_NOT_EMITTABLE');
});
