import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The pg.Pool under TypeORM's Postgres driver, for the engine's functions that stream with a server-side cursor
 * (@ferbench/exports), which TypeORM's query API does not offer. Same connections, same limits.
 */
export function pgPoolOf(dataSource: DataSource): pg.Pool {
  const pool = (dataSource.driver as unknown as { master?: pg.Pool }).master;
  if (pool === undefined) throw new Error('the data source is not an initialised Postgres connection');
  return pool;
}
