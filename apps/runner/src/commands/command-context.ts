import { type PooledDatabase, openPooledDatabase } from '@ferbench/db';
import { type RunnerConfig, loadConfig } from '../config.js';

export interface CommandContext {
  config: RunnerConfig;
  db: PooledDatabase;
  /** Progress and diagnostics go to stderr; results go to stdout. */
  log: (line: string) => void;
}

const log = (line: string) => void process.stderr.write(`${line}\n`);

/** Runs a command's body with the validated config and an open, migrated database, closed afterwards. */
export async function withRunner<T>(body: (context: CommandContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openPooledDatabase(config, log);
  try {
    return await body({ config, db, log });
  } finally {
    await db.close();
  }
}
