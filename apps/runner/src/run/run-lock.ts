import type pg from 'pg';

// Session-level advisory lock keyed by (model, dataset): held by the connection for the whole run, and released by
// Postgres when that connection closes, however the process ended.
const KEY = `hashtext('ferbench:run'), hashtext($1 || '/' || $2)`;

/** Takes the run lock for (model, dataset) on this connection; false if another live run holds it. */
export async function tryLockRun(client: pg.PoolClient, modelId: string, datasetId: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${KEY}) AS locked`, [modelId, datasetId]);
  return rows[0]?.locked === true;
}

export async function unlockRun(client: pg.PoolClient, modelId: string, datasetId: string): Promise<void> {
  await client.query(`SELECT pg_advisory_unlock(${KEY})`, [modelId, datasetId]);
}
