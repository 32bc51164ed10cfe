import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@ferbench/testkit';
import pg from 'pg';
import { insertSyntheticBenchmark } from '../bench/synthetic-predictions.js';
import { type RunningServer, createServer } from '../server/create-server.js';
import { graphqlData, graphqlRequest } from '../testing/graphql-request.js';

// The issue's reproduction: three aliases of agreement(resamples: 10000) froze the API for 29 s, and a
// { __typename } sent beside them waited as long. Eight models on 1,000 synthetic faces give the bootstrap
// thousands of distinct vote patterns, so each 10,000-resample CI takes seconds of CPU.
const FACES = 1_000;
let db: TestDatabase;
let server: RunningServer;
let client: pg.Client;

before(async () => {
  db = await createTestDatabase('api_bootstrap_pool');
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await insertSyntheticBenchmark(client, { faces: FACES, raters: 8, seed: 20251203 });
  server = await createServer({ databaseUrl: db.url, datasetsRoot: '/nonexistent', compute: { threads: 1, maxQueue: 8, timeoutMs: 120_000 } });
});
after(async () => {
  await server?.stop();
  await client?.end();
  await db?.drop();
});

const agreement = (alias: string, seed: number, resamples = 10_000) =>
  `${alias}: agreement(dataset: "synthetic", resamples: ${resamples}, seed: ${seed}) { nFaces fleiss { value ciLow ciHigh resamples seed } gwetAc1 { ciLow ciHigh } }`;
type Fleiss = { nFaces: number; fleiss: { value: number; ciLow: number; ciHigh: number; resamples: number; seed: number } };

async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await body();
  return { ms: performance.now() - started, value };
}

test('{ __typename } answers in < 100 ms while three 10,000-resample agreement aliases run; the same query again comes from the cache', { timeout: 300_000 }, async () => {
  const heavyQuery = `{ ${agreement('a', 1)} ${agreement('b', 2)} ${agreement('c', 3)} }`;
  let heavyDone = false;
  const heavy = timed(() => graphqlData<Record<'a' | 'b' | 'c', Fleiss>>(server.url, heavyQuery)).finally(() => (heavyDone = true));
  // Wait until the bootstraps are on the pool's threads, then ask for almost nothing, again and again.
  while (server.computer.running === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const light: number[] = [];
  while (!heavyDone && light.length < 50) {
    const { ms, value } = await timed(() => graphqlData<{ __typename: string }>(server.url, '{ __typename }'));
    assert.equal(value.__typename, 'Query');
    light.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { ms: heavyMs, value: answers } = await heavy;
  const sorted = [...light].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `three 10,000-resample aliases: ${(heavyMs / 1000).toFixed(1)} s; { __typename } beside them (${light.length}×): median ${median.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
  );
  assert.ok(light.length >= 5, `the bootstraps took ${heavyMs.toFixed(0)} ms: too short to measure beside`);
  // The acceptance bound. On the event loop, every one of these waited for the bootstraps (seconds); a scheduler
  // hiccup of a loaded 2-core machine may delay one, so the bound is on the median, and no answer may wait long.
  assert.ok(median < 100, `{ __typename } took ${median.toFixed(1)} ms (median) beside the bootstraps`);
  for (const ms of light) assert.ok(ms < Math.min(1000, heavyMs / 4), `{ __typename } waited ${ms.toFixed(1)} ms of the bootstraps' ${heavyMs.toFixed(0)} ms`);
  for (const [alias, seed] of [['a', 1], ['b', 2], ['c', 3]] as const) {
    const { fleiss, nFaces } = answers[alias];
    assert.ok(nFaces > 0.9 * FACES && nFaces <= FACES, `${nFaces} complete faces`);
    assert.deepEqual([fleiss.resamples, fleiss.seed], [10_000, seed]);
    assert.ok(fleiss.ciLow < fleiss.value && fleiss.value < fleiss.ciHigh, JSON.stringify(fleiss));
  }
  assert.notDeepEqual(answers.a.fleiss, answers.b.fleiss, 'another seed, other CIs');
  assert.equal(server.computer.computed, 3, 'one bootstrap per alias');

  // Deterministic in its inputs: asked again, the same numbers at once, nothing computed.
  const again = await timed(() => graphqlData<{ a: Fleiss }>(server.url, `{ ${agreement('a', 1)} }`));
  assert.deepEqual(again.value.a, answers.a);
  assert.equal(server.computer.computed, 3, 'answered from the cache');
  console.log(`the same alias again, from the cache: ${again.ms.toFixed(1)} ms`);
});

test('the cache is invalidated when predictions change: a changed vote is a new bootstrap', { timeout: 120_000 }, async () => {
  const query = `{ ${agreement('a', 7, 500)} }`;
  const first = await graphqlData<{ a: Fleiss }>(server.url, query);
  const computed = server.computer.computed;
  assert.deepEqual(await graphqlData<{ a: Fleiss }>(server.url, query), first);
  assert.equal(server.computer.computed, computed, 'unchanged predictions: from the cache');
  // A run re-predicts some faces: one model now votes another label on 200 of them.
  await client.query(
    `UPDATE predictions SET label = (label + 1) % 7
      WHERE model_id = 'synthetic-00' AND image_id IN (SELECT id FROM images WHERE dataset_id = 'synthetic' ORDER BY id LIMIT 200)`,
  );
  const after = await graphqlData<{ a: Fleiss }>(server.url, query);
  assert.equal(server.computer.computed, computed + 1, 'changed predictions: computed again');
  assert.notEqual(after.a.fleiss.value, first.a.fleiss.value);
});

test('bootstrap cost counts in the complexity estimate, aliases and total resamples per request are capped', async () => {
  const tooMany = await graphqlRequest(server.url, `{ ${Array.from({ length: 21 }, (_, k) => `d${k}: datasets { id }`).join(' ')} }`);
  assert.match(tooMany.errors?.[0]?.message ?? '', /^The query asks for 21 root fields \(aliases included\); at most 20 are allowed\./);
  const twenty = await graphqlRequest(server.url, `{ ${Array.from({ length: 20 }, (_, k) => `d${k}: datasets { id }`).join(' ')} }`);
  assert.equal(twenty.errors, undefined);

  const overBudget = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ ${[1, 2, 3, 4].map((s) => agreement(`x${s}`, s)).join(' ')} }` }),
  });
  assert.equal(overBudget.status, 400);
  const body = (await overBudget.json()) as { errors: { message: string; extensions: { code: string } }[] };
  assert.equal(body.errors[0]!.extensions.code, 'TOO_MANY_RESAMPLES');
  assert.match(body.errors[0]!.message, /^The query asks for 40000 bootstrap resamples in all; at most 30000 per request/);
  // humanAgreement runs three bootstraps (models, models with the majority, humans): it counts three times.
  const human = await graphqlRequest(server.url, `{ humanAgreement(dataset: "synthetic", resamples: 10000) { votedFaces } h2: humanAgreement(dataset: "synthetic", resamples: 1) { votedFaces } }`);
  assert.match(human.errors?.[0]?.message ?? '', /asks for 30003 bootstrap resamples/);
});

test('over GraphQL, a bootstrap past the full queue is a clear STATS_QUEUE_FULL error, the others answer', { timeout: 120_000 }, async () => {
  const busy = await createServer({ databaseUrl: db.url, datasetsRoot: '/nonexistent', compute: { threads: 1, maxQueue: 1, timeoutMs: 120_000 } });
  try {
    const answers = await Promise.all(
      [11, 12, 13].map((seed) => graphqlRequest<{ a: Fleiss }>(busy.url, `{ ${agreement('a', seed, 3000)} }`)),
    );
    const refused = answers.filter((a) => a.errors !== undefined);
    assert.equal(refused.length, 1, JSON.stringify(answers.map((a) => a.errors?.[0]?.extensions)));
    assert.deepEqual(refused[0]!.errors![0]!.extensions, { code: 'SERVICE_UNAVAILABLE', reason: 'STATS_QUEUE_FULL' });
    assert.match(refused[0]!.errors![0]!.message, /^The server is busy with bootstrap CIs \(1 running, 1 waiting, the most it queues\): try again shortly/);
    for (const answered of answers.filter((a) => a.errors === undefined)) assert.equal(answered.data!.a.fleiss.resamples, 3000);
  } finally {
    await busy.stop();
  }
});
