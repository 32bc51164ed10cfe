import { ensureDatabase, withDatabase } from './database-url.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrate.js';

export interface OpenDatabaseOptions {
  /** A server of the user's choosing; when absent an embedded Postgres is started. */
  databaseUrl?: string | undefined;
  /** Data folder of the embedded server. */
  embeddedDir: string;
  embeddedPort: number;
  log?: (line: string) => void;
}

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  migrationsRun: string[];
  close(): Promise<void>;
}

/** Connects to DATABASE_URL or brings up the embedded server, then applies pending migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const migrationsRun = await migrate(options.databaseUrl);
    return { url: options.databaseUrl, embedded: false, migrationsRun, close: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: options.embeddedDir, port: options.embeddedPort, ...(options.log ? { log: options.log } : {}) });
  await ensureDatabase(server.url, 'ferbench');
  const url = withDatabase(server.url, 'ferbench');
  const migrationsRun = await migrate(url);
  return { url, embedded: true, migrationsRun, close: () => server.stop() };
}
