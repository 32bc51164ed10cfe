/** Runs SQL and gives back its rows: TypeORM's DataSource.query, or a pg pool through `pgRows`. */
export type SqlRows = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** A pg pool as SqlRows. */
export function pgRows(pool: { query: (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }> }): SqlRows {
  return async <T>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as T[];
}
