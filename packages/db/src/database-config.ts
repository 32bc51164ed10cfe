import path from 'node:path';
import type { EnvReader } from './env-reader.js';

/** Where the project's data lives, as every app reads it. */
export interface DatabaseConfig {
  /** A Postgres server of the user's choosing; undefined: the embedded one. */
  databaseUrl: string | undefined;
  /** The embedded server: its data under dataDir/pg. */
  embeddedPostgres: { dir: string; port: number };
  /** FERBENCH_DATA_DIR: the embedded Postgres, converted and submitted models, caches. */
  dataDir: string;
}

function isPostgresUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'postgres:' || protocol === 'postgresql:';
  } catch {
    return false;
  }
}

/** DATABASE_URL, FERBENCH_PG_PORT and FERBENCH_DATA_DIR: one reading shared by the runner and the API. */
export function readDatabaseConfig(env: EnvReader): DatabaseConfig {
  const databaseUrl = env.text('DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl))
    env.problem('DATABASE_URL', 'expected a postgres://user:password@host:port/database URL (leave it unset for the embedded Postgres)');
  const dataDir = env.folder('FERBENCH_DATA_DIR', '.data');
  return { databaseUrl, embeddedPostgres: { dir: path.join(dataDir, 'pg'), port: env.port('FERBENCH_PG_PORT', 54329) }, dataDir };
}
