import assert from 'node:assert/strict';
import { test } from 'node:test';
import { poolDatabase } from '@ferbench/db';
import { createTestDatabase } from '@ferbench/testkit';
import { droppedWhileHeld } from './dropped-connection.js';

test('a held connection the server drops fails its query, and the process lives on (no unhandled error event)', async () => {
  const testDb = await createTestDatabase('runs_dropped');
  const db = poolDatabase(testDb.url);
  try {
    const held = await db.pool.connect();
    held.on('error', droppedWhileHeld);
    const pid = (await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const unhandled: unknown[] = [];
    const onUncaught = (error: unknown) => unhandled.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const sleeping = held.query('SELECT pg_sleep(5)');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
      await assert.rejects(sleeping, (error: { code?: string }) => error.code === '57P01');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('uncaughtException', onUncaught);
      held.release(true);
    }
  } finally {
    await db.close();
    await testDb.drop();
  }
});
