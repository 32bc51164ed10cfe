import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EmbeddedServer, migrate, startEmbeddedPostgres, withDatabase } from '@ferbench/db';
import pg from 'pg';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let privateDir: string | undefined;
let privateServer: Promise<EmbeddedServer> | undefined;
let liveDatabases = 0;

/**
 * A private embedded server for this process. It stops when the last test database is dropped (a running
 * child would keep the test process alive) and restarts quickly on the same folder if another is created.
 */
async function privateServerUrl(): Promise<string> {
  if (privateDir === undefined) {
    const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-test-pg-'));
    chmodSync(dir, 0o755); // Postgres runs as its own user, which must reach the data folder
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    privateDir = dir;
  }
  const dataDir = path.join(privateDir, 'data');
  privateServer ??= freePort().then((port) => startEmbeddedPostgres({ dataDir, port }));
  return (await privateServer).url;
}

async function releasePrivateServer(): Promise<void> {
  if (liveDatabases > 0 || privateServer === undefined) return;
  const server = privateServer;
  privateServer = undefined;
  await (await server).stop();
}

/** The test server: FERBENCH_TEST_DATABASE_URL (started once by scripts/test.sh), else a private one. */
export async function testServerUrl(): Promise<string> {
  return process.env.FERBENCH_TEST_DATABASE_URL ?? privateServerUrl();
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/** A fresh, fully migrated database for one suite, on the real Postgres server. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  liveDatabases++;
  const serverUrl = await testServerUrl();
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  await migrate(url);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      liveDatabases--;
      await releasePrivateServer();
    },
  };
}
