import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { classificationMetrics, confusionMatrix, EMOTIONS } from '@ferbench/shared';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';
import { indicesOf, labelWithin, readStoredPredictions } from '../../testing/stored-predictions.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_confusion');
});
after(() => api?.stop());

interface Confusion {
  labelSet: string[];
  matrix: number[][];
  n: number;
  accuracy: number | null;
  macroF1: number | null;
  balancedAccuracy: number | null;
  reason: string | null;
  perClass: { label: string; support: number; predicted: number; precision: number | null; recall: number | null; f1: number | null }[];
}

const CONFUSION = `query ($model: ID!, $dataset: ID!) {
  confusion(model: $model, dataset: $dataset) { labelSet matrix n accuracy macroF1 balancedAccuracy reason
    perClass { label support predicted precision recall f1 } }
}`;

test("gamma's confusion on tiny equals the matrix built face by face from the stored rows, with its metrics", async () => {
  const { confusion } = await graphqlData<{ confusion: Confusion }>(api.server.url, CONFUSION, { model: 'gamma', dataset: 'tiny' });
  // tiny's gold labels never use disgust or contempt; gamma could say contempt, which is folded into its best other label.
  assert.deepEqual(confusion.labelSet, ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'anger']);
  const allowed = indicesOf(confusion.labelSet);
  const rows = (await readStoredPredictions(api.db.url, 'tiny')).filter((p) => p.modelId === 'gamma' && p.gold !== null);
  const expected = confusionMatrix(
    confusion.labelSet,
    rows.map((p) => EMOTIONS[p.gold!]!),
    rows.map((p) => EMOTIONS[labelWithin(p, allowed)]!),
  );
  assert.deepEqual(confusion.matrix, expected.counts);
  assert.equal(confusion.n, 37);
  const metrics = classificationMetrics(expected);
  assert.equal(confusion.accuracy, metrics.accuracy.value);
  assert.equal(confusion.macroF1, metrics.macroF1.value);
  assert.equal(confusion.balancedAccuracy, metrics.balancedAccuracy.value);
  assert.equal(confusion.reason, null);
  assert.deepEqual(
    confusion.perClass,
    metrics.perClass.map((c) => ({ label: c.category, support: c.support, predicted: c.predicted, precision: c.precision, recall: c.recall, f1: c.f1 })),
  );
  // Independently: precision of one label from the matrix's column.
  const happy = confusion.labelSet.indexOf('happiness');
  const column = confusion.matrix.reduce((a, row) => a + row[happy]!, 0);
  assert.equal(confusion.perClass[happy]!.precision, confusion.matrix[happy]![happy]! / column);
});

test('confusion of an unknown model or dataset says which', async () => {
  const model = await graphqlRequest(api.server.url, CONFUSION, { model: 'nope', dataset: 'tiny' });
  assert.equal(model.errors?.[0]?.extensions?.reason, 'MODEL_NOT_FOUND');
  const dataset = await graphqlRequest(api.server.url, CONFUSION, { model: 'gamma', dataset: 'nope' });
  assert.equal(dataset.errors?.[0]?.extensions?.reason, 'DATASET_NOT_FOUND');
});
