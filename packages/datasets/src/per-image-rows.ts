import { copyRows } from '@ferbench/db';
import type pg from 'pg';

/** A table of rows per image (human votes, human ratings), keyed by image_id plus its other columns. */
export interface PerImageTable {
  table: string;
  /** The columns besides image_id, each with its SQL type for the staging table. */
  columns: readonly { name: string; type: string }[];
}

/**
 * Replaces, inside the caller's transaction (after the images were upserted), the rows of `table` of the images that
 * `rows` (image key first, then the columns) speak for: only images whose set of rows changed are rewritten, keys
 * without an image row (skipped images) add nothing. Returns the number of images rewritten.
 */
export async function replacePerImageRows(client: pg.PoolClient, datasetId: string, target: PerImageTable, rows: readonly (readonly (string | number)[])[]): Promise<number> {
  if (rows.length === 0) return 0;
  const stage = `${target.table}_stage`;
  const names = target.columns.map((c) => c.name);
  const list = names.join(', ');
  const staged = names.map((n) => `s.${n}`).join(', ');
  await client.query(`CREATE TEMP TABLE ${stage} (key text, ${target.columns.map((c) => `${c.name} ${c.type}`).join(', ')}) ON COMMIT DROP`);
  await copyRows(client, stage, ['key', ...names], rows);
  const { rows: changed } = await client.query<{ id: string }>(
    `WITH staged AS (SELECT i.id, ${staged} FROM ${stage} s JOIN images i ON i.dataset_id = $1 AND i.key = s.key),
          stored AS (SELECT t.image_id AS id, ${names.map((n) => `t.${n}`).join(', ')} FROM ${target.table} t WHERE t.image_id IN (SELECT id FROM staged))
     SELECT DISTINCT id::text FROM ((TABLE staged EXCEPT TABLE stored) UNION ALL (TABLE stored EXCEPT TABLE staged)) d`,
    [datasetId],
  );
  if (changed.length === 0) return 0;
  const ids = changed.map((c) => c.id);
  await client.query(`DELETE FROM ${target.table} WHERE image_id = ANY($1::bigint[])`, [ids]);
  await client.query(
    `INSERT INTO ${target.table} (image_id, ${list})
     SELECT i.id, ${staged} FROM ${stage} s JOIN images i ON i.dataset_id = $1 AND i.key = s.key WHERE i.id = ANY($2::bigint[])`,
    [datasetId, ids],
  );
  return changed.length;
}
