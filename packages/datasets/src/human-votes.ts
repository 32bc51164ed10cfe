import { copyRows } from '@ferbench/db';
import type pg from 'pg';
import type { DatasetEntry } from './dataset-format.js';

/**
 * Replaces the human votes of the dataset's images that these entries publish votes for, inside the caller's
 * transaction (after the images were upserted): one row per (image, category) with votes. Entries whose image was
 * not imported (skipped) find no image row and add nothing. Returns the number of faces whose votes changed.
 */
export async function writeHumanVotes(client: pg.PoolClient, datasetId: string, entries: readonly DatasetEntry[]): Promise<number> {
  const rows = entries.flatMap((e) => (e.humanVotes ?? []).flatMap((votes, label) => (votes > 0 ? [[e.key, label, votes] as const] : [])));
  if (rows.length === 0) return 0;
  await client.query(`CREATE TEMP TABLE human_vote_stage (key text, label smallint, votes integer) ON COMMIT DROP`);
  await copyRows(client, 'human_vote_stage', ['key', 'label', 'votes'], rows);
  // Faces whose stored votes differ from the staged ones (as sets of (label, votes)); only they are rewritten.
  const { rows: changed } = await client.query<{ id: string }>(
    `WITH staged AS (SELECT i.id, s.label, s.votes FROM human_vote_stage s JOIN images i ON i.dataset_id = $1 AND i.key = s.key),
          stored AS (SELECT v.image_id AS id, v.label, v.votes FROM human_votes v WHERE v.image_id IN (SELECT id FROM staged))
     SELECT DISTINCT id::text FROM ((TABLE staged EXCEPT TABLE stored) UNION ALL (TABLE stored EXCEPT TABLE staged)) d`,
    [datasetId],
  );
  if (changed.length === 0) return 0;
  const ids = changed.map((c) => c.id);
  await client.query(`DELETE FROM human_votes WHERE image_id = ANY($1::bigint[])`, [ids]);
  await client.query(
    `INSERT INTO human_votes (image_id, label, votes)
     SELECT i.id, s.label, s.votes FROM human_vote_stage s JOIN images i ON i.dataset_id = $1 AND i.key = s.key WHERE i.id = ANY($2::bigint[])`,
    [datasetId, ids],
  );
  return changed.length;
}
