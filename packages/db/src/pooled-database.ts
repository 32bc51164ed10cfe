import pg from 'pg';
import type { DatabaseConfig } from './database-config.js';
import { openDatabase } from './open-database.js';

/** A handle on Postgres for the engine's commands: a pool, and how to let go of it (and of an embedded server it started). */
export interface PooledDatabase {
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/** A pool on a server that someone else manages (tests, the benchmark). */
export function poolDatabase(url: string): PooledDatabase {
  // A run group holds one connection per model (its run lock and writer) and one more for the rest: 12 lets the
  // largest zoo group (four 64×64 grey models) and any group of up to 11 models share one preprocessing.
  const pool = new pg.Pool({ connectionString: url, max: 12 });
  // An idle connection that the server drops (a restart, or its shutdown racing pool.end()) must not crash the
  // process; the next query simply opens a new one.
  pool.on('error', () => {});
  return { pool, url, close: () => pool.end() };
}

/** Connects to DATABASE_URL or the embedded server (started if needed); either way migrated first. */
export async function openPooledDatabase(config: DatabaseConfig, log: (line: string) => void = () => {}): Promise<PooledDatabase> {
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
