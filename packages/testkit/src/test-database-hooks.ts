import { after, before } from 'node:test';
import { type PooledDatabase, poolDatabase } from '@ferbench/db';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from './throwaway-database.js';

/**
 * A throwaway migrated database for one test file: created in a `before` hook, dropped in an `after` hook, both
 * registered where this is called. Its pool and URL are read inside tests and hooks, once it exists.
 */
export function testDatabaseHooks(name: string): { readonly pool: pg.Pool; readonly url: string } {
  let testDb: TestDatabase | undefined;
  let db: PooledDatabase | undefined;
  before(async () => {
    testDb = await createTestDatabase(name);
    db = poolDatabase(testDb.url);
  });
  after(async () => {
    await db?.close();
    await testDb?.drop();
  });
  const ready = () => {
    if (testDb === undefined || db === undefined) throw new Error(`test database ${name} is used before its before() hook ran`);
    return { testDb, db };
  };
  return {
    get pool() {
      return ready().db.pool;
    },
    get url() {
      return ready().testDb.url;
    },
  };
}
