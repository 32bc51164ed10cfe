import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@ferbench/testkit';
import { createServer, type RunningServer } from '../../server/create-server.js';

let db: TestDatabase;
let server: RunningServer;
before(async () => {
  db = await createTestDatabase('api_health');
  server = await createServer({ databaseUrl: db.url, datasetsRoot: '/nonexistent' });
});
after(async () => {
  await server?.stop();
});

const healthz = async () => {
  const response = await fetch(new URL('/healthz', server.url));
  return { status: response.status, cacheControl: response.headers.get('cache-control'), body: (await response.json()) as Record<string, string> };
};

test('GET /healthz is 200 {"status":"ok"} while the database answers SELECT 1, and never cached', async () => {
  assert.deepEqual(await healthz(), { status: 200, cacheControl: 'no-store', body: { status: 'ok' } });
});

test('GET /healthz is 503 naming the database once the database is gone', async () => {
  await db.drop(); // WITH (FORCE): the pool's connections are cut, and reconnecting finds no database
  const { status, body } = await healthz();
  assert.equal(status, 503);
  assert.equal(body.status, 'unavailable');
  assert.match(body.reason ?? "", /^database: \S/);
});
