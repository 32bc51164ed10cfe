import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApiToken } from '@ferbench/jobs';
import pg from 'pg';
import { createServer, type RunningServer } from '../../server/create-server.js';
import { graphqlData } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';

// "tiny" is private to token holders; "other" stays public. A second server over the same data serves "tiny" to nobody.
let api: SeededApi;
let nobody: RunningServer;
let token: string;
let publicImageId: string;
before(async () => {
  api = await startSeededApi('api_private_images', { privateImages: { datasets: new Set(['tiny']), access: 'token' } });
  nobody = await createServer({ databaseUrl: api.db.url, datasetsRoot: api.seed.datasetsRoot, privateImages: { datasets: 'all', access: 'nobody' } });
  const pool = new pg.Pool({ connectionString: api.db.url });
  token = (await createApiToken(pool, 'researcher')).token;
  await pool.end();
  const other = await graphqlData<{ images: { edges: { node: { id: string } }[] } }>(api.server.url, `{ images(dataset: "other", first: 1) { edges { node { id } } } }`);
  publicImageId = other.images.edges[0]!.node.id;
});
after(async () => {
  await nobody?.stop();
  await api?.stop();
});

const getImage = (server: RunningServer, id: string, authorization?: string) =>
  fetch(new URL(`/images/${id}`, server.url), { headers: authorization === undefined ? {} : { authorization } });

interface ErrorBody {
  error: { code: string; reason: string; message: string };
}

test('a private image is refused without a token: 403 IMAGE_PRIVATE saying how to get it', async () => {
  const face = api.seed.tinyImages[3]!;
  const response = await getImage(api.server, face.id);
  assert.equal(response.status, 403);
  const { error } = (await response.json()) as ErrorBody;
  assert.equal(error.code, 'FORBIDDEN');
  assert.equal(error.reason, 'IMAGE_PRIVATE');
  assert.match(error.message, new RegExp(`Image ${face.id} belongs to dataset "tiny".*Authorization: Bearer <token>`));
});

test('a wrong token is a 401, as on every route that takes one', async () => {
  const response = await getImage(api.server, api.seed.tinyImages[3]!.id, 'Bearer fbt_not-a-token');
  assert.equal(response.status, 401);
  assert.equal(((await response.json()) as ErrorBody).error.reason, 'TOKEN_INVALID');
});

test('a token holder gets the private image, never kept by a shared cache', async () => {
  const face = api.seed.tinyImages[3]!;
  const response = await getImage(api.server, face.id, `Bearer ${token}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'private, no-store');
  assert.match(response.headers.get('vary') ?? '', /Authorization/i);
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), face.bytes);
});

test('a public dataset’s image is served to anyone and cached for good', async () => {
  const response = await getImage(api.server, publicImageId);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('cache-control') ?? '', /public.*immutable/);
});

test('access "nobody": not even a token holder gets the bytes', async () => {
  const response = await getImage(nobody, api.seed.tinyImages[3]!.id, `Bearer ${token}`);
  assert.equal(response.status, 403);
  assert.match(((await response.json()) as ErrorBody).error.message, /serves them to nobody/);
});

test('GraphQL says per dataset and per image whether the bytes are private; votes and labels stay public', async () => {
  const face = api.seed.tinyImages[4]!;
  const data = await graphqlData<{
    datasets: { id: string; imagesPrivate: boolean }[];
    image: { imagePrivate: boolean; goldLabel: string | null; predictions: unknown[] };
  }>(api.server.url, `query ($id: ID!) { datasets { id imagesPrivate } image(id: $id) { imagePrivate goldLabel predictions { label } } }`, { id: face.id });
  assert.deepEqual(
    data.datasets.map((d) => [d.id, d.imagesPrivate]).sort(),
    [['other', false], ['tiny', true]],
  );
  assert.equal(data.image.imagePrivate, true);
  assert.equal(data.image.predictions.length, 3, 'the three models’ votes on the face are still there');
  const everyone = await graphqlData<{ datasets: { imagesPrivate: boolean }[] }>(nobody.url, `{ datasets { imagesPrivate } }`);
  assert.deepEqual(everyone.datasets.map((d) => d.imagesPrivate), [true, true]);
});
