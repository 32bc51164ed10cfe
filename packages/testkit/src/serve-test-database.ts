import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@ferbench/db';
import { freePort } from './throwaway-database.js';

/**
 * Started by scripts/test.sh: one embedded Postgres for the whole test run. Prints its URL on the first line
 * of stdout, then serves until a signal arrives or the process that started it is gone (a killed test run must
 * not leave a server behind).
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-test-pg-'));
  chmodSync(dir, 0o755); // Postgres runs as its own user, which must reach the data folder
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort() });
  process.stdout.write(`${server.url}\n`);
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      void stop();
    }
  }, 2000);
}

void main();
