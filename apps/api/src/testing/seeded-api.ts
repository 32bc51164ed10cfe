import { createTestDatabase, type TestDatabase } from '@ferbench/testkit';
import { createServer, type RunningServer, type ServerOptions } from '../server/create-server.js';
import { type SeededBenchmark, seedSmallBenchmark } from './small-benchmark.fixture.js';

export interface SeededApi {
  db: TestDatabase;
  seed: SeededBenchmark;
  server: RunningServer;
  stop(): Promise<void>;
}

/** A fresh migrated database with the small benchmark, served by a real API on a free port. */
export async function startSeededApi(prefix: string, options: { logError?: (error: unknown) => void } & Pick<ServerOptions, 'privateImages'> = {}): Promise<SeededApi> {
  const db = await createTestDatabase(prefix);
  const seed = await seedSmallBenchmark(db.url);
  const server = await createServer({ databaseUrl: db.url, datasetsRoot: seed.datasetsRoot, ...options });
  return {
    db,
    seed,
    server,
    async stop() {
      await server.stop();
      await db.drop();
      seed.cleanup();
    },
  };
}
