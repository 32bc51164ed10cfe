import assert from 'node:assert/strict';
import { get } from 'node:http';
import { after, before, test } from 'node:test';
import { EMOTIONS, HUMAN_VOTE_CATEGORIES } from '@ferbench/shared';
import pg from 'pg';
import { graphqlData } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';
import { readStoredPredictions } from '../../testing/stored-predictions.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_image');
});
after(() => api?.stop());

interface Image {
  id: string;
  datasetId: string;
  key: string;
  split: string;
  url: string;
  goldLabel: string | null;
  predictions: { model: { id: string }; label: string; probability: number; probabilities: { label: string; probability: number | null }[] }[];
}

const IMAGE = `query ($id: ID!) {
  image(id: $id) { id datasetId key split url goldLabel
    predictions { model { id } label probability probabilities { label probability } } }
}`;

test('image(id) returns the gold label and every stored prediction as canonical labels', async () => {
  const stored = await readStoredPredictions(api.db.url, 'tiny');
  // Face 3 was skipped by beta; face 4 was predicted by all three models.
  for (const { key, models } of [
    { key: 'face_003.jpg', models: ['alpha', 'gamma'] },
    { key: 'face_004.jpg', models: ['alpha', 'beta', 'gamma'] },
  ]) {
    const seeded = api.seed.tinyImages.find((i) => i.key === key)!;
    const { image } = await graphqlData<{ image: Image }>(api.server.url, IMAGE, { id: seeded.id });
    const rows = stored.filter((p) => p.imageId === seeded.id);
    assert.equal(image.id, seeded.id);
    assert.equal(image.datasetId, 'tiny');
    assert.equal(image.key, key);
    assert.equal(image.split, 'test');
    assert.equal(image.goldLabel, rows[0]!.gold === null ? null : EMOTIONS[rows[0]!.gold]);
    assert.equal(image.url, new URL(`/images/${seeded.id}`, api.server.url).toString());
    assert.deepEqual(image.predictions.map((p) => p.model.id), models);
    for (const prediction of image.predictions) {
      const row = rows.find((r) => r.modelId === prediction.model.id)!;
      assert.equal(prediction.label, EMOTIONS[row.label]);
      assert.equal(prediction.probability, row.probs[row.label]);
      assert.deepEqual(prediction.probabilities, EMOTIONS.map((label, k) => ({ label, probability: row.probs[k] })));
    }
  }
});

test('image(id) is null for an unknown or malformed id', async () => {
  for (const id of ['999999', 'abc', '-1', '99999999999999999999999'])
    assert.equal((await graphqlData<{ image: Image | null }>(api.server.url, IMAGE, { id })).image, null, id);
});

test('GET /images/:id serves the bytes with the sha256 as ETag, cacheable for good', async () => {
  const seeded = api.seed.tinyImages[7]!;
  const url = new URL(`/images/${seeded.id}`, api.server.url);
  const response = await fetch(url);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('etag'), `"${seeded.sha256}"`);
  assert.equal(response.headers.get('content-type'), 'image/jpeg');
  assert.match(response.headers.get('cache-control') ?? '', /immutable/);
  assert.equal(response.headers.get('access-control-allow-origin'), '*');
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), seeded.bytes);

  // fetch() adds `cache-control: no-cache` to conditional requests (as the Fetch standard says), which rightly
  // defeats If-None-Match; a browser revalidating its cache sends none.
  const status = await new Promise<number | undefined>((resolve, reject) =>
    get(url, { headers: { 'if-none-match': `"${seeded.sha256}"` } }, (res) => resolve(res.resume().statusCode)).on('error', reject),
  );
  assert.equal(status, 304);
});

test('GET /images/:id of an unknown image is a 404 that says so', async () => {
  for (const id of ['999999', 'abc']) {
    const response = await fetch(new URL(`/images/${id}`, api.server.url));
    assert.equal(response.status, 404);
    const body = (await response.json()) as { error: { code: string; reason: string; message: string } };
    assert.equal(body.error.reason, 'IMAGE_NOT_FOUND');
    assert.match(body.error.message, new RegExp(`no image ${id}`));
  }
});

test('image(id).humanVotes lists every vote category with its count where people voted, and nothing where not', async () => {
  const [voted, unvoted] = api.seed.tinyImages;
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  try {
    // FER+-style: 6 × happiness (1), 3 × surprise (3), 1 × not-a-face (9).
    await client.query(`INSERT INTO human_votes (image_id, label, votes) VALUES ($1, 1, 6), ($1, 3, 3), ($1, 9, 1)`, [voted!.id]);
    const query = `query ($id: ID!) { image(id: $id) { humanVotes { category votes } } }`;
    const { image } = await graphqlData<{ image: { humanVotes: { category: string; votes: number }[] } }>(api.server.url, query, { id: voted!.id });
    const cast: Record<string, number> = { happiness: 6, surprise: 3, 'not-a-face': 1 };
    assert.deepEqual(image.humanVotes, HUMAN_VOTE_CATEGORIES.map((category) => ({ category, votes: cast[category] ?? 0 })));
    const none = await graphqlData<{ image: { humanVotes: unknown[] } }>(api.server.url, query, { id: unvoted!.id });
    assert.deepEqual(none.image.humanVotes, []);
  } finally {
    await client.query(`DELETE FROM human_votes WHERE image_id = $1`, [voted!.id]);
    await client.end();
  }
});
