import { Logger, runMigrations } from 'graphile-worker';
import type pg from 'pg';

/** graphile-worker's logger, as lines to our log (its debug chatter left out). */
export function queueLogger(log: (line: string) => void): Logger {
  return new Logger(() => (level, message) => {
    if (String(level) !== 'debug') log(`queue ${String(level)}: ${message}`);
  });
}

/**
 * Installs or upgrades graphile-worker's own schema (graphile_worker), which it versions itself; our migrations
 * never touch it. Safe to call from several processes at once.
 */
export async function migrateQueue(pool: pg.Pool, log: (line: string) => void = () => {}): Promise<void> {
  await runMigrations({ pgPool: pool, logger: queueLogger(log) });
}
