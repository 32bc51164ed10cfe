import { openDatabase } from '@ferbench/db';
import pg from 'pg';
import type { RunnerConfig } from '../config.js';

/** The runner's handle on Postgres: a pool, and how to let go of it (and of the embedded server it started). */
export interface RunnerDatabase {
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/** A pool on a server that someone else manages (tests, the benchmark). */
export function poolDatabase(url: string): RunnerDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection that the server drops (a restart, or its shutdown racing pool.end()) must not crash the
  // process; the next query simply opens a new one.
  pool.on('error', () => {});
  return { pool, url, close: () => pool.end() };
}

/** Connects to DATABASE_URL or the embedded server (started if needed); either way migrated first. */
export async function openRunnerDatabase(config: RunnerConfig, log: (line: string) => void = () => {}): Promise<RunnerDatabase> {
  const opened = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: config.embeddedPostgres.dir, embeddedPort: config.embeddedPostgres.port });
  if (opened.migrationsRun.length > 0) log(`database: applied ${opened.migrationsRun.join(', ')}`);
  const { pool, close } = poolDatabase(opened.url);
  return {
    pool,
    url: opened.url,
    async close() {
      await close();
      await opened.close();
    },
  };
}
