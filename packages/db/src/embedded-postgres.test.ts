import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { EmbeddedPostgresError } from './embedded-postgres-error.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { portIsFree } from './port-free.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-embedded-pg-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('a port another process holds is refused before Postgres starts, naming the port, the data folder and FERBENCH_PG_PORT', async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const { port } = holder.address() as net.AddressInfo;
  try {
    assert.equal(await portIsFree(port), false);
    const dataDir = path.join(dir, 'held');
    await assert.rejects(startEmbeddedPostgres({ dataDir, port }), (error: unknown) => {
      assert.ok(error instanceof EmbeddedPostgresError);
      assert.equal(error.code, 'PORT_IN_USE');
      assert.ok(error.message.includes(`port ${port} is already in use`), error.message);
      assert.ok(error.message.includes(dataDir), error.message);
      assert.match(error.message, /FERBENCH_PG_PORT/);
      return true;
    });
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
  assert.equal(await portIsFree(port), true);
});

test('a start that fails carries what Postgres said (here: a data folder Postgres cannot use)', { timeout: 60_000 }, async () => {
  const dataDir = path.join(dir, 'broken');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'PG_VERSION'), '7\n'); // looks initialised, so only start() runs
  const port = await freePort();
  await assert.rejects(startEmbeddedPostgres({ dataDir, port }), (error: unknown) => {
    assert.ok(error instanceof EmbeddedPostgresError, String(error));
    assert.equal(error.code, 'START_FAILED');
    assert.ok(error.message.startsWith(`cannot start the embedded Postgres on port ${port} with data in ${dataDir}`), error.message);
    assert.match(error.message, /FERBENCH_PG_PORT/);
    assert.match(error.message, /\nPostgres said:\n {2}\S/);
    assert.ok(error.logLines.length > 0);
    assert.doesNotMatch(error.message, /undefined/);
    return true;
  });
});
