import type { SqlRows } from '../sql-rows.js';

/** Runs `work` in one database transaction: committed when it resolves, rolled back when it throws. */
export type Transaction = <T>(work: (rows: SqlRows) => Promise<T>) => Promise<T>;

/** A pg pool as a Transaction: one client, BEGIN … COMMIT / ROLLBACK. */
export function pgTransaction(pool: { connect: () => Promise<{ query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }>; release: () => void }> }): Transaction {
  return async <T>(work: (rows: SqlRows) => Promise<T>) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(async <R>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as R[]);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
}
