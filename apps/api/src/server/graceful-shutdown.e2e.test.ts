import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createTestDatabase, freePort, repoRoot, type TestDatabase } from '@ferbench/testkit';
import pg from 'pg';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase('api_shutdown');
});
after(() => db?.drop());

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the API did not answer /healthz within 60 s');
}

/** Connections this database has from anyone but the test itself. */
async function apiConnections(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

test('SIGTERM: the API stops accepting, finishes the request in flight, closes its pool and exits 0', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(repoRoot(), 'apps', 'api', 'dist', 'main.js')], {
    env: { ...process.env, DATABASE_URL: db.url, API_PORT: String(port), API_HOST: '127.0.0.1', FERBENCH_DATASETS: repoRoot() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    await waitForHealth(base);
    assert.ok((await apiConnections(db.url)) > 0, 'the API holds a pool connection after answering /healthz');

    // A request in flight: headers and half of its body sent, the rest only after the signal.
    const body = JSON.stringify({ query: '{ datasets { id } }' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(async () => {
          // By now the listener is closed: a new connection is refused while the old request is still open.
          await assert.rejects(fetch(`${base}/healthz`), 'a new request after SIGTERM is refused');
          req.end(body.slice(10));
        }, 500);
      }, 200);
    });
    const { status, text } = await answer;
    assert.equal(status, 200, text);
    assert.deepEqual(JSON.parse(text), { data: { datasets: [] } });

    const answeredAt = Date.now();
    const [code, signal] = await exited;
    // Well inside the drain's 10 s grace period: nothing was left hanging until it ran out.
    assert.ok(Date.now() - answeredAt < 5_000, `exited ${Date.now() - answeredAt} ms after the last answer`);
    assert.deepEqual({ code, signal }, { code: 0, signal: null }, output);
    assert.match(output, /SIGTERM: draining requests and stopping/);
    assert.match(output, /database pool closed/);
    assert.equal(await apiConnections(db.url), 0, 'no connection of the API outlives it');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
