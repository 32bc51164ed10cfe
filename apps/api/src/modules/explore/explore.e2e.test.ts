import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EMOTIONS, itemAgreement } from '@ferbench/shared';
import pg from 'pg';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';
import { indicesOf, labelWithin, readStoredPredictions, type StoredPrediction } from '../../testing/stored-predictions.js';

let api: SeededApi;
let stored: StoredPrediction[];
before(async () => {
  api = await startSeededApi('api_explore');
  stored = await readStoredPredictions(api.db.url, 'tiny');
});
after(() => api?.stop());

interface Edge {
  cursor: string;
  node: { id: string; goldLabel: string | null; url: string };
  agreement: {
    votes: number;
    voteCounts: number[];
    majority: { label: string; tied: boolean; tiedLabels: string[] } | null;
    entropyBits: number | null;
    pI: number | null;
    humanVotes: number;
    humanEntropyBits: number | null;
    sameFileCount: number;
  };
}
interface Connection {
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  labelSet: string[];
  models: { id: string }[];
}

const IMAGES = `query ($dataset: ID!, $models: [ID!], $filter: ImageFilter, $orderBy: ImageOrder, $first: Int!, $after: String) {
  images(dataset: $dataset, models: $models, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount labelSet models { id }
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id goldLabel url }
      agreement { votes voteCounts majority { label tied tiedLabels } entropyBits pI humanVotes humanEntropyBits sameFileCount } }
  }
}`;

type Vars = { dataset?: string; models?: string[]; filter?: object; orderBy?: object };

/** Every page, following endCursor, checking that each page but the last is full. */
async function allPages(vars: Vars, first: number): Promise<{ edges: Edge[]; totalCount: number; labelSet: string[] }> {
  const edges: Edge[] = [];
  let after: string | null = null;
  for (;;) {
    const { images }: { images: Connection } = await graphqlData(api.server.url, IMAGES, { dataset: 'tiny', ...vars, first, after });
    edges.push(...images.edges);
    if (!images.pageInfo.hasNextPage) return { edges, totalCount: images.totalCount, labelSet: images.labelSet };
    assert.equal(images.edges.length, first);
    after = images.pageInfo.endCursor;
  }
}

const SEVEN = ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger'];

/** Per face of tiny: vote counts over the label set, each stored prediction restricted to it, as the documented rule says. */
function expectedFaces(models: string[], labelSet: string[]) {
  const allowed = indicesOf(labelSet);
  const faces = new Map(api.seed.tinyImages.map((i) => [i.id, new Array<number>(labelSet.length).fill(0)]));
  for (const p of stored) if (models.includes(p.modelId)) faces.get(p.imageId)![allowed.indexOf(labelWithin(p, allowed))]! += 1;
  return [...faces].map(([id, counts]) => ({ id, counts, item: itemAgreement(labelSet, counts) }));
}

/** Sort as the API documents: by value (nulls last), then id, both in the direction given. */
function sortedIds(faces: { id: string; value: number | null }[], descending: boolean): string[] {
  // JS and SQL may sum the same entropy in another order (last-bit differences); distinct values differ by far more.
  const key = (v: number) => Math.round(v * 1e9);
  const sign = descending ? -1 : 1;
  return [...faces]
    .sort((a, b) => {
      if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
      const byValue = a.value === null ? 0 : sign * (key(a.value) - key(b.value!));
      return byValue || sign * (Number(a.id) - Number(b.id));
    })
    .map((f) => f.id);
}

test('ordered by model vote entropy, paged 7 at a time: every face once, in order, values equal itemAgreement', async () => {
  const { edges, totalCount, labelSet } = await allPages({ orderBy: { field: 'MODEL_ENTROPY', direction: 'DESC' } }, 7);
  assert.deepEqual(labelSet, SEVEN, 'gamma knows contempt, alpha and beta do not');
  const expected = expectedFaces(['alpha', 'beta', 'gamma'], SEVEN);
  assert.equal(totalCount, 40);
  assert.deepEqual(
    edges.map((e) => e.node.id),
    sortedIds(expected.map((f) => ({ id: f.id, value: f.item.entropyBits })), true),
  );
  for (const edge of edges) {
    const face = expected.find((f) => f.id === edge.node.id)!;
    assert.deepEqual(edge.agreement.voteCounts, face.counts);
    assert.equal(edge.agreement.votes, face.item.ratings);
    assert.ok(Math.abs(edge.agreement.entropyBits! - face.item.entropyBits!) < 1e-12, `${edge.agreement.entropyBits} vs ${face.item.entropyBits}`);
    assert.ok(Math.abs(edge.agreement.pI! - face.item.pI!) < 1e-15);
    assert.deepEqual(edge.agreement.majority, { label: face.item.majority, tied: face.item.tied, tiedLabels: face.item.tiedLabels });
    assert.equal(edge.node.url, new URL(`/images/${edge.node.id}`, api.server.url).toString());
  }
  // beta skipped 4 faces: those have 2 votes, the rest 3.
  assert.deepEqual(
    [...new Set(edges.map((e) => e.agreement.votes))].sort(),
    [2, 3],
  );
});

test("ordered by Fleiss' P_i ascending for two chosen models, paged 9 at a time", async () => {
  const { edges, totalCount, labelSet } = await allPages({ models: ['gamma', 'beta'], orderBy: { field: 'FLEISS_P_I', direction: 'ASC' } }, 9);
  assert.deepEqual(labelSet, SEVEN);
  const expected = expectedFaces(['gamma', 'beta'], SEVEN);
  assert.equal(totalCount, 40);
  // Faces beta skipped have one vote: P_i is null and they come last.
  assert.deepEqual(
    edges.map((e) => e.node.id),
    sortedIds(expected.map((f) => ({ id: f.id, value: f.item.pI })), false),
  );
  assert.equal(edges.filter((e) => e.agreement.pI === null).length, 4);
  assert.deepEqual(edges.slice(-4).map((e) => e.agreement.pI), [null, null, null, null]);
});

test('filters: gold label, a model’s label, two models disagreeing, minimum entropy; combined with AND', async () => {
  const allIds = api.seed.tinyImages.map((i) => i.id);
  const ids = async (filter: object, orderBy?: object) => (await allPages({ filter, ...(orderBy ? { orderBy } : {}) }, 100)).edges.map((e) => e.node.id);
  const gold = new Map(stored.map((p) => [p.imageId, p.gold]));

  const happy = allIds.filter((id) => gold.get(id) === EMOTIONS.indexOf('happiness'));
  assert.ok(happy.length > 0);
  assert.deepEqual(await ids({ goldLabel: 'happiness' }), happy);

  const betaSad = stored.filter((p) => p.modelId === 'beta' && p.label === EMOTIONS.indexOf('sadness')).map((p) => p.imageId);
  assert.ok(betaSad.length > 0);
  assert.deepEqual(await ids({ predicted: { model: 'beta', label: 'sadness' } }), allIds.filter((id) => betaSad.includes(id)));

  // alpha and gamma share alpha's seven labels: gamma's contempt is replaced by its best label among them.
  const seven = indicesOf(SEVEN);
  const label = (model: string, id: string) => {
    const p = stored.find((s) => s.modelId === model && s.imageId === id);
    return p === undefined ? undefined : labelWithin(p, seven);
  };
  const disagree = allIds.filter((id) => label('alpha', id) !== undefined && label('gamma', id) !== undefined && label('alpha', id) !== label('gamma', id));
  assert.ok(disagree.length > 0 && disagree.length < 40);
  assert.deepEqual(await ids({ disagree: { modelA: 'alpha', modelB: 'gamma' } }), disagree);
  const rawDisagree = allIds.filter((id) => {
    const [a, g] = ['alpha', 'gamma'].map((m) => stored.find((s) => s.modelId === m && s.imageId === id)!.label);
    return a !== g;
  });
  assert.ok(rawDisagree.length > disagree.length, 'gamma said contempt on some faces where alpha agrees with its next-best label');

  const uncertain = expectedFaces(['alpha', 'beta', 'gamma'], SEVEN).filter((f) => f.item.entropyBits! >= 0.9);
  assert.deepEqual(await ids({ minModelEntropy: 0.9 }), uncertain.map((f) => f.id));

  const both = disagree.filter((id) => uncertain.some((f) => f.id === id) && gold.get(id) !== null);
  const combined = await ids({ disagree: { modelA: 'alpha', modelB: 'gamma' }, minModelEntropy: 0.9 }, { field: 'ID', direction: 'DESC' });
  assert.deepEqual(combined.filter((id) => gold.get(id) !== null), both.reverse());
});

test('human entropy: a clear error on a dataset without human votes; sorted and filtered once votes exist', async () => {
  for (const vars of [{ orderBy: { field: 'HUMAN_ENTROPY', direction: 'DESC' } }, { filter: { minHumanEntropy: 0.5 } }]) {
    const response = await graphqlRequest(api.server.url, IMAGES, { dataset: 'other', first: 5, ...vars });
    assert.equal(response.errors?.[0]?.extensions?.reason, 'NO_HUMAN_VOTES');
    assert.match(response.errors[0]!.message, /Dataset "other" has no human votes/);
  }
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(`SELECT id::text FROM images WHERE dataset_id = 'other' ORDER BY id`);
  // FER+-style crowd counts for three of the five faces.
  const votes: [string, number[]][] = [
    [rows[0]!.id, [10, 0, 0, 0, 0, 0, 0, 0]],
    [rows[1]!.id, [0, 6, 4, 0, 0, 0, 0, 0]],
    [rows[3]!.id, [3, 3, 2, 0, 0, 0, 1, 1]],
  ];
  for (const [imageId, counts] of votes)
    for (const [label, n] of counts.entries()) if (n > 0) await client.query('INSERT INTO human_votes (image_id, label, votes) VALUES ($1, $2, $3)', [imageId, label, n]);
  await client.end();

  const { images }: { images: Connection } = await graphqlData(api.server.url, IMAGES, {
    dataset: 'other',
    first: 10,
    orderBy: { field: 'HUMAN_ENTROPY', direction: 'DESC' },
  });
  const expected = votes.map(([id, counts]) => ({ id, item: itemAgreement(EMOTIONS, counts) }));
  assert.deepEqual(
    images.edges.map((e) => e.node.id),
    [rows[3]!.id, rows[1]!.id, rows[0]!.id, rows[4]!.id, rows[2]!.id],
    'most uncertain first, faces without human votes last (by id, descending)',
  );
  for (const edge of images.edges.slice(0, 3)) {
    const face = expected.find((f) => f.id === edge.node.id)!;
    assert.ok(Math.abs(edge.agreement.humanEntropyBits! - face.item.entropyBits!) < 1e-12);
    assert.equal(edge.agreement.humanVotes, face.item.ratings);
  }
  assert.deepEqual(images.edges.slice(3).map((e) => [e.agreement.humanVotes, e.agreement.humanEntropyBits]), [[0, null], [0, null]]);
  const filtered: { images: Connection } = await graphqlData(api.server.url, IMAGES, { dataset: 'other', first: 10, filter: { minHumanEntropy: 0.5 } });
  assert.deepEqual(filtered.images.edges.map((e) => e.node.id), [rows[1]!.id, rows[3]!.id]);
});

test('duplicates: only faces whose file occurs more than once, with how many times', async () => {
  assert.equal((await allPages({ filter: { duplicatesOnly: true } }, 10)).totalCount, 0);
  const copied = api.seed.tinyImages[12]!;
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  await client.query(
    `INSERT INTO images (dataset_id, key, path, sha256, bytes, width, height, split, gold_label) VALUES ('other', 'copy.jpg', 'faces/copy.jpg', $1, 1, 48, 48, 'test', NULL)`,
    [copied.sha256],
  );
  await client.end();
  const { edges, totalCount } = await allPages({ filter: { duplicatesOnly: true } }, 10);
  assert.equal(totalCount, 1);
  assert.equal(edges[0]!.node.id, copied.id);
  assert.equal(edges[0]!.agreement.sameFileCount, 2);
});

test('bad arguments are refused with a code and a readable message', async () => {
  const ask = (vars: object) => graphqlRequest(api.server.url, IMAGES, { dataset: 'tiny', first: 5, ...vars });
  const tooMany = await ask({ first: 101 });
  assert.equal(tooMany.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(tooMany.errors[0]!.message, /first may be at most 100/);

  const garbage = await ask({ after: 'not-a-cursor' });
  assert.equal(garbage.errors?.[0]?.extensions?.reason, 'INVALID_CURSOR');
  const { images }: { images: Connection } = await graphqlData(api.server.url, IMAGES, { dataset: 'tiny', first: 5 });
  const otherOrder = await ask({ after: images.pageInfo.endCursor, orderBy: { field: 'MODEL_ENTROPY', direction: 'ASC' } });
  assert.match(otherOrder.errors?.[0]?.message ?? '', /not a cursor of this query's order \(MODEL_ENTROPY:ASC\)/);

  const same = await ask({ filter: { disagree: { modelA: 'beta', modelB: 'beta' } } });
  assert.equal(same.errors?.[0]?.extensions?.reason, 'SAME_MODEL_TWICE');
  const label = await ask({ filter: { goldLabel: 'happy' } });
  assert.match(label.errors?.[0]?.message ?? '', /filter\.goldLabel: expected a canonical emotion: neutral, happiness/);
  const nested = await ask({ filter: { predicted: { model: 'beta', label: 'joy' } } });
  assert.equal(nested.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(nested.errors[0]!.message, /filter\.predicted\.label: expected a canonical emotion/);
  const unknown = await ask({ filter: { predicted: { model: 'nope', label: 'anger' } } });
  assert.equal(unknown.errors?.[0]?.extensions?.reason, 'MODEL_NOT_FOUND');
  assert.equal((await graphqlRequest(api.server.url, IMAGES, { dataset: 'nope', first: 5 })).errors?.[0]?.extensions?.reason, 'DATASET_NOT_FOUND');
});
