import type pg from 'pg';
import Cursor from 'pg-cursor';

/** Rows fetched per round trip: what Node holds of a query at a time. */
export const CURSOR_BATCH = 10_000;

/**
 * A query's rows (as arrays, in select-list order) in batches through a server-side cursor (pg-cursor), on one connection held for the whole read:
 * Postgres keeps the result, Node sees CURSOR_BATCH rows at a time, so exporting ten million rows needs the memory
 * of twenty thousand (the batch being written and the one being read).
 */
export async function* cursorBatches(pool: pg.Pool, sql: string, params: readonly unknown[], batch = CURSOR_BATCH): AsyncGenerator<unknown[][]> {
  const client = await pool.connect();
  const cursor = client.query(new Cursor<unknown[]>(sql, params as unknown[], { rowMode: 'array' }));
  // One batch read ahead: Postgres produces the next batch while the caller writes this one.
  let next: Promise<unknown[][]> = cursor.read(batch);
  try {
    for (;;) {
      const rows = await next;
      if (rows.length === 0) return;
      next = cursor.read(batch);
      yield rows;
    }
  } finally {
    await next.catch(() => []);
    await cursor.close().catch(() => {});
    client.release();
  }
}
