import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './testing/run-cli.js';

// The reproduction: another process (another checkout's embedded Postgres) already holds the port.
let holder: net.Server;
let port: number;
const dataDir = mkdtempSync(path.join(tmpdir(), 'ferbench-port-conflict-'));

before(async () => {
  holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen({ port: 0, host: '127.0.0.1' }, resolve));
  port = (holder.address() as net.AddressInfo).port;
});

after(async () => {
  await new Promise((resolve) => holder.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

test('a port held by another process: the CLI names the port, the data folder and FERBENCH_PG_PORT, and exits non-zero', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, FERBENCH_PG_PORT: String(port), FERBENCH_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  for (const args of [['dataset', 'list'], ['token', 'list']]) {
    const result = await runCli(args, env);
    assert.notEqual(result.code, 0, `${args.join(' ')} exited 0:\n${result.stderr}`);
    assert.doesNotMatch(result.stderr, /undefined/);
    assert.match(result.stderr, new RegExp(`port ${port} is already in use`));
    assert.ok(result.stderr.includes(path.join(dataDir, 'pg')), result.stderr);
    assert.match(result.stderr, /FERBENCH_PG_PORT/);
  }
});
