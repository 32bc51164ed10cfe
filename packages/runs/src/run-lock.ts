import type pg from 'pg';
import type { ImageIdRange } from './run-options.js';

// Session-level advisory locks: held by the connection for the whole run, and released by Postgres when that
// connection closes, however the process ended. A whole-dataset run holds (model, dataset) exclusively; a run of
// an id range holds it shared (ranges run side by side, never beside a whole-dataset run) plus its range exclusively.
const DATASET_KEY = `hashtext('ferbench:run'), hashtext($1 || '/' || $2)`;
const RANGE_KEY = `hashtext('ferbench:run-range'), hashtext($1 || '/' || $2 || '/' || $3 || '-' || $4)`;

/** Takes the run lock for (model, dataset[, range]) on this connection; false if another live run holds it. */
export async function tryLockRun(client: pg.PoolClient, modelId: string, datasetId: string, range?: ImageIdRange): Promise<boolean> {
  if (range === undefined) {
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${DATASET_KEY}) AS locked`, [modelId, datasetId]);
    return rows[0]?.locked === true;
  }
  const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock_shared(${DATASET_KEY}) AS locked`, [modelId, datasetId]);
  if (rows[0]?.locked !== true) return false;
  const ranged = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${RANGE_KEY}) AS locked`, [modelId, datasetId, range.first, range.last]);
  if (ranged.rows[0]?.locked === true) return true;
  await client.query(`SELECT pg_advisory_unlock_shared(${DATASET_KEY})`, [modelId, datasetId]);
  return false;
}

export async function unlockRun(client: pg.PoolClient, modelId: string, datasetId: string, range?: ImageIdRange): Promise<void> {
  if (range === undefined) {
    await client.query(`SELECT pg_advisory_unlock(${DATASET_KEY})`, [modelId, datasetId]);
    return;
  }
  await client.query(`SELECT pg_advisory_unlock(${RANGE_KEY})`, [modelId, datasetId, range.first, range.last]);
  await client.query(`SELECT pg_advisory_unlock_shared(${DATASET_KEY})`, [modelId, datasetId]);
}
