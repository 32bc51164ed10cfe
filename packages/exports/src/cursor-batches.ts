import type pg from 'pg';
import Cursor from 'pg-cursor';

/** Rows fetched per round trip: what Node holds of a query at a time. */
export const CURSOR_BATCH = 10_000;

/**
 * A query's rows (as arrays, in select-list order) in batches through a server-side cursor (pg-cursor), on one connection held for the whole read:
 * Postgres keeps the result, Node sees CURSOR_BATCH rows at a time, so exporting ten million rows needs the memory
 * of ten thousand.
 */
export async function* cursorBatches(pool: pg.Pool, sql: string, params: readonly unknown[], batch = CURSOR_BATCH): AsyncGenerator<unknown[][]> {
  const client = await pool.connect();
  const cursor = client.query(new Cursor<unknown[]>(sql, params as unknown[], { rowMode: 'array' }));
  try {
    for (;;) {
      const rows = await cursor.read(batch);
      if (rows.length === 0) return;
      yield rows;
    }
  } finally {
    await cursor.close().catch(() => {});
    client.release();
  }
}
