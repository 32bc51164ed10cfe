import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { graphqlData, graphqlRequest } from '../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../testing/seeded-api.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_results_cache');
});
after(() => api?.stop());

const LEADERBOARD = `query Board($d: ID!) { leaderboard(dataset: $d) { entries { model { id } n accuracy } } }`;
interface Board {
  leaderboard: { entries: { model: { id: string }; n: number; accuracy: number | null }[] };
}
const stats = () => api.server.resultsCache.stats();
const delta = (from: ReturnType<typeof stats>) => {
  const now = stats();
  return { hits: now.hits - from.hits, joined: now.joined - from.joined, misses: now.misses - from.misses };
};

test('the same results query twice is computed once; a prediction written between answers is in the next answer', async () => {
  const start = stats();
  const first = await graphqlData<Board>(api.server.url, LEADERBOARD, { d: 'tiny' });
  const second = await graphqlData<Board>(api.server.url, LEADERBOARD, { d: 'tiny' });
  assert.deepEqual(second, first);
  assert.deepEqual(delta(start), { hits: 1, joined: 0, misses: 1 });

  // beta skipped 4 of tiny's 40 faces: predict one of them.
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO predictions (model_id, image_id, run_id, label, probs, raw)
      SELECT 'beta', i.id, (SELECT max(id) FROM runs WHERE model_id = 'beta'), 1, '{0,1,0,0,0,0,0,0}', '{1}'
        FROM images i WHERE i.dataset_id = 'tiny' AND NOT EXISTS (SELECT 1 FROM predictions p WHERE p.model_id = 'beta' AND p.image_id = i.id)
       ORDER BY i.id LIMIT 1`);
  } finally {
    await client.end();
  }
  const third = await graphqlData<Board>(api.server.url, LEADERBOARD, { d: 'tiny' });
  const n = (board: Board) => board.leaderboard.entries.find((e) => e.model.id === 'beta')!.n;
  assert.equal(n(third), n(first) + 1);
  assert.deepEqual(delta(start), { hits: 1, joined: 0, misses: 2 });
});

test('concurrent requests for one question at a new version compute it once', async () => {
  const start = stats();
  const variables = { d: 'other' };
  const answers = await Promise.all(Array.from({ length: 8 }, () => graphqlData<Board>(api.server.url, LEADERBOARD, variables)));
  for (const answer of answers) assert.deepEqual(answer, answers[0]);
  const d = delta(start);
  assert.equal(d.misses, 1);
  assert.equal(d.hits + d.joined, 7);
});

test('token holders, live state and errors are never answered from the cache', async () => {
  const start = stats();
  for (let i = 0; i < 2; i++) {
    await graphqlRequest(api.server.url, LEADERBOARD, { d: 'tiny' }, { authorization: 'Bearer not-a-token' });
    await graphqlData(api.server.url, '{ runStatus { active } }');
    const unknown = await graphqlRequest(api.server.url, LEADERBOARD, { d: 'no-such-dataset' });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  }
  // The unknown dataset was computed (and failed) both times; nothing else went through the cache.
  assert.deepEqual(delta(start), { hits: 0, joined: 0, misses: 2 });
});
