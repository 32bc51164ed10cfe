import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { graphqlData } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_dataset');
});
after(() => api?.stop());

interface Dataset {
  id: string;
  name: string;
  format: string;
  imageCount: number;
  splits: { split: string; count: number }[];
  dataSha256: string;
}

const FIELDS = 'id name format imageCount splits { split count } dataSha256';

test('datasets lists every dataset with its counts and the sha256 of its sorted image hashes', async () => {
  const { datasets } = await graphqlData<{ datasets: Dataset[] }>(api.server.url, `{ datasets { ${FIELDS} } }`);
  assert.deepEqual(datasets.map((d) => d.id), ['other', 'tiny']);
  const tiny = datasets[1]!;
  assert.equal(tiny.name, 'Tiny');
  assert.equal(tiny.format, 'test-folders');
  assert.equal(tiny.imageCount, api.seed.tinyImages.length);
  assert.deepEqual(tiny.splits, [
    { split: 'test', count: 30 },
    { split: 'train', count: 10 },
  ]);
  const hashes = api.seed.tinyImages.map((i) => i.sha256).sort();
  assert.equal(tiny.dataSha256, createHash('sha256').update(hashes.map((h) => `${h}\n`).join('')).digest('hex'));
});

test('dataset(id) finds one dataset, and is null for an unknown id', async () => {
  const query = `query ($id: ID!) { dataset(id: $id) { ${FIELDS} } }`;
  assert.equal((await graphqlData<{ dataset: Dataset }>(api.server.url, query, { id: 'other' })).dataset.imageCount, 5);
  assert.equal((await graphqlData<{ dataset: Dataset | null }>(api.server.url, query, { id: 'nope' })).dataset, null);
});

test('models lists the cards with the canonical emotions each model can emit', async () => {
  const { models } = await graphqlData<{ models: { id: string; labels: string[]; emotions: string[]; licence: string; sourceUrl: string }[] }>(
    api.server.url,
    '{ models { id labels emotions licence sourceUrl } }',
  );
  assert.deepEqual(models.map((m) => m.id), ['alpha', 'beta', 'gamma']);
  const [alpha, , gamma] = models;
  assert.deepEqual(alpha!.labels, ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral']);
  assert.deepEqual(alpha!.emotions, ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger']);
  assert.deepEqual(gamma!.emotions, ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger', 'contempt']);
  assert.equal(gamma!.licence, 'MIT');
  assert.equal(gamma!.sourceUrl, 'https://example.org/gamma');
});

test('a page on another origin (the dashboard on :3000) may query the API', async () => {
  const preflight = await fetch(api.server.url, {
    method: 'OPTIONS',
    headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
  assert.equal(preflight.headers.get('access-control-allow-headers'), 'content-type');

  const get = await fetch(`${api.server.url}?query=${encodeURIComponent('{ datasets { id } }')}`, {
    headers: { origin: 'http://localhost:3000', 'apollo-require-preflight': 'true' },
  });
  assert.equal(get.status, 200);
  assert.equal(get.headers.get('access-control-allow-origin'), '*');
  assert.deepEqual(await get.json(), { data: { datasets: [{ id: 'other' }, { id: 'tiny' }] } });
});
