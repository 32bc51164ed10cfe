import { copyRows } from '@ferbench/db';
import { emotionIndex } from '@ferbench/shared';
import type pg from 'pg';
import type { DatasetEntry } from './dataset-format.js';

/**
 * Replaces the human ratings of the dataset's images that these entries publish ratings for, inside the caller's
 * transaction (after the images were upserted): one row per (image, emotion rated). Entries whose image was not
 * imported find no image row and add nothing. Returns the number of faces whose ratings changed.
 */
export async function writeHumanRatings(client: pg.PoolClient, datasetId: string, entries: readonly DatasetEntry[]): Promise<number> {
  const rows = entries.flatMap((e) =>
    e.humanRatings === undefined ? [] : e.humanRatings.means.map(({ emotion, mean }) => [e.key, emotionIndex(emotion), mean, e.humanRatings!.scaleMin, e.humanRatings!.scaleMax, e.humanRatings!.raters] as const),
  );
  if (rows.length === 0) return 0;
  await client.query(`CREATE TEMP TABLE human_rating_stage (key text, label smallint, mean double precision, scale_min smallint, scale_max smallint, raters integer) ON COMMIT DROP`);
  await copyRows(client, 'human_rating_stage', ['key', 'label', 'mean', 'scale_min', 'scale_max', 'raters'], rows);
  const { rows: changed } = await client.query<{ id: string }>(
    `WITH staged AS (SELECT i.id, s.label, s.mean, s.scale_min, s.scale_max, s.raters FROM human_rating_stage s JOIN images i ON i.dataset_id = $1 AND i.key = s.key),
          stored AS (SELECT r.image_id AS id, r.label, r.mean, r.scale_min, r.scale_max, r.raters FROM human_ratings r WHERE r.image_id IN (SELECT id FROM staged))
     SELECT DISTINCT id::text FROM ((TABLE staged EXCEPT TABLE stored) UNION ALL (TABLE stored EXCEPT TABLE staged)) d`,
    [datasetId],
  );
  if (changed.length === 0) return 0;
  const ids = changed.map((c) => c.id);
  await client.query(`DELETE FROM human_ratings WHERE image_id = ANY($1::bigint[])`, [ids]);
  await client.query(
    `INSERT INTO human_ratings (image_id, label, mean, scale_min, scale_max, raters)
     SELECT i.id, s.label, s.mean, s.scale_min, s.scale_max, s.raters FROM human_rating_stage s JOIN images i ON i.dataset_id = $1 AND i.key = s.key WHERE i.id = ANY($2::bigint[])`,
    [datasetId, ids],
  );
  return changed.length;
}
