import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrations } from '@ferbench/migrations';
import { migrate, revertLast } from '@ferbench/db';
import pg from 'pg';
import { createTestDatabase } from './throwaway-database.js';

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
  );
  await client.end();
  return rows.map((r) => r.table_name);
}

test('every migration applies, reverts to an empty schema, and applies again', async () => {
  const db = await createTestDatabase('migrations');
  try {
    const applied = await tables(db.url);
    assert.ok(applied.includes('predictions') && applied.includes('images'), `tables after migrate: ${applied.join(', ')}`);
    for (let i = 0; i < migrations.length; i++) await revertLast(db.url);
    assert.deepEqual(await tables(db.url), []);
    assert.equal((await migrate(db.url)).length, migrations.length);
    assert.deepEqual(await tables(db.url), applied);
  } finally {
    await db.drop();
  }
});
