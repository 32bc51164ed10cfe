import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';
import { indicesOf, labelWithin, readStoredPredictions } from '../../testing/stored-predictions.js';
import { textbookFleissKappa } from '../../testing/textbook-fleiss.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_agreement');
});
after(() => api?.stop());

interface Agreement {
  models: { id: string }[];
  nFaces: number;
  nRaters: number;
  labelSet: string[];
  fleissKappa: number | null;
  fleissKappaReason: string | null;
  interpretation: string | null;
}

const AGREEMENT = `query ($dataset: ID!, $models: [ID!], $labelSet: [String!], $resamples: Int! = 0) {
  agreement(dataset: $dataset, models: $models, labelSet: $labelSet, resamples: $resamples) {
    models { id } nFaces nRaters labelSet fleissKappa fleissKappaReason interpretation
  }
}`;

/** κ recomputed from the stored rows: faces every model predicted, each label restricted to the label set. */
async function expectedKappa(models: string[], labelSet: string[]) {
  const allowed = indicesOf(labelSet);
  const byFace = new Map<string, number[]>();
  for (const p of await readStoredPredictions(api.db.url, 'tiny'))
    if (models.includes(p.modelId)) byFace.set(p.imageId, [...(byFace.get(p.imageId) ?? []), labelWithin(p, allowed)]);
  const faces = [...byFace.values()].filter((labels) => labels.length === models.length);
  return { nFaces: faces.length, kappa: textbookFleissKappa(faces, allowed) };
}

test('agreement of every model run on the dataset: κ equals the textbook κ of the stored rows', async () => {
  const { agreement } = await graphqlData<{ agreement: Agreement }>(api.server.url, AGREEMENT, { dataset: 'tiny' });
  assert.deepEqual(agreement.models.map((m) => m.id), ['alpha', 'beta', 'gamma']);
  assert.equal(agreement.nRaters, 3);
  // gamma also knows contempt; alpha and beta do not, so contempt is left out.
  assert.deepEqual(agreement.labelSet, ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger']);
  const expected = await expectedKappa(['alpha', 'beta', 'gamma'], agreement.labelSet);
  assert.equal(agreement.nFaces, expected.nFaces);
  assert.equal(agreement.nFaces, 36, 'beta skipped 4 of the 40 faces');
  assert.ok(Math.abs(agreement.fleissKappa! - expected.kappa) < 1e-9, `κ ${agreement.fleissKappa} vs ${expected.kappa}`);
  assert.equal(agreement.fleissKappaReason, null);
  assert.ok(['slight', 'fair', 'moderate', 'substantial'].includes(agreement.interpretation!), agreement.interpretation!);
});

test('agreement of two chosen models uses only them and the faces both predicted', async () => {
  const { agreement } = await graphqlData<{ agreement: Agreement }>(api.server.url, AGREEMENT, { dataset: 'tiny', models: ['gamma', 'alpha'] });
  assert.deepEqual(agreement.models.map((m) => m.id), ['gamma', 'alpha']);
  const expected = await expectedKappa(['gamma', 'alpha'], agreement.labelSet);
  assert.equal(agreement.nFaces, 40);
  assert.ok(Math.abs(agreement.fleissKappa! - expected.kappa) < 1e-9, `κ ${agreement.fleissKappa} vs ${expected.kappa}`);
});

test('agreement on a dataset no model has run on is empty, each statistic null with its reason, not an error', async () => {
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  await client.query(`INSERT INTO datasets (id, name, format, root, label_map) VALUES ('unrun', 'Unrun', 'test-folders', 'unrun', '{}')`);
  await client.end();
  const { agreement } = await graphqlData<{ agreement: Agreement & { fleiss: { value: null; reason: string; n: number } } }>(
    api.server.url,
    `query { agreement(dataset: "unrun") { models { id } nFaces nRaters fleiss { value reason n } } }`,
  );
  assert.deepEqual([agreement.models, agreement.nFaces, agreement.nRaters, agreement.fleiss.n, agreement.fleiss.value], [[], 0, 0, 0, null]);
  assert.match(agreement.fleiss.reason, /no items/);
});

test('agreement refuses one model, a repeated model and unknown ids, saying why', async () => {
  const one = await graphqlRequest(api.server.url, AGREEMENT, { dataset: 'tiny', models: ['alpha'] });
  assert.equal(one.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(one.errors[0]!.message, /models: choose at least two models/);

  const twice = await graphqlRequest(api.server.url, AGREEMENT, { dataset: 'tiny', models: ['alpha', 'alpha'] });
  assert.equal(twice.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');

  const unknown = await graphqlRequest(api.server.url, AGREEMENT, { dataset: 'tiny', models: ['alpha', 'nope'] });
  assert.equal(unknown.errors?.[0]?.extensions?.reason, 'MODEL_NOT_FOUND');
  assert.match(unknown.errors[0]!.message, /"nope"/);

  const dataset = await graphqlRequest(api.server.url, AGREEMENT, { dataset: 'nope' });
  assert.equal(dataset.errors?.[0]?.extensions?.reason, 'DATASET_NOT_FOUND');
});

test('a chosen label set: κ is the textbook κ of the rows with every label restricted to it', async () => {
  const labelSet = ['anger', 'neutral', 'happiness'];
  const { agreement } = await graphqlData<{ agreement: Agreement }>(api.server.url, AGREEMENT, { dataset: 'tiny', labelSet });
  assert.deepEqual(agreement.labelSet, ['neutral', 'happiness', 'anger'], 'canonical order');
  const expected = await expectedKappa(['alpha', 'beta', 'gamma'], agreement.labelSet);
  assert.equal(agreement.nFaces, expected.nFaces);
  assert.ok(Math.abs(agreement.fleissKappa! - expected.kappa) < 1e-9, `κ ${agreement.fleissKappa} vs ${expected.kappa}`);
});

test('a label set with a label some model cannot emit, or a bad label, or too many resamples is refused, saying why', async () => {
  const contempt = await graphqlRequest(api.server.url, AGREEMENT, { dataset: 'tiny', labelSet: ['neutral', 'contempt'] });
  assert.equal(contempt.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(contempt.errors[0]!.extensions?.reason, 'LABEL_NOT_EMITTABLE');
  assert.match(contempt.errors[0]!.message, /"alpha", "beta" cannot emit "contempt"/);
  // gamma alone with another model that knows contempt is not asked here; gamma + alpha still cannot.
  const pair = await graphqlRequest(api.server.url, AGREEMENT, { dataset: 'tiny', models: ['gamma', 'alpha'], labelSet: ['contempt', 'anger'] });
  assert.match(pair.errors?.[0]?.message ?? '', /"alpha" cannot emit "contempt"/);

  for (const [labelSet, problem] of [
    [['neutral'], /choose at least two labels/],
    [['neutral', 'neutral'], /only once/],
    [['neutral', 'happy'], /canonical emotion/],
  ] as const) {
    const response = await graphqlRequest(api.server.url, AGREEMENT, { dataset: 'tiny', labelSet });
    assert.equal(response.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(labelSet));
    assert.match(response.errors[0]!.message, problem);
  }
  const tooMany = await graphqlRequest(api.server.url, AGREEMENT, { dataset: 'tiny', resamples: 10_001 });
  assert.match(tooMany.errors?.[0]?.message ?? '', /resamples: at most 10000 resamples/);
});
