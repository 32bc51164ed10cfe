import { duplicateImageSql } from '@ferbench/db';
import type pg from 'pg';

/** How many of a dataset's images are exact copies (same sha256) of another image (duplicate-images.sql.ts). */
export interface DuplicateCounts {
  /** Images with a copy anywhere: those the API's duplicatesOnly filter shows. */
  any: number;
  /** Images with a copy in the same dataset. */
  withinDataset: number;
  /** Images with a copy in another dataset. */
  acrossDatasets: number;
  /** The other datasets that hold copies, by id. */
  otherDatasets: string[];
}

export async function duplicateCounts(pool: pg.Pool, datasetId: string): Promise<DuplicateCounts> {
  const { rows } = await pool.query<{ any: string; within: string; across: string; others: string[] }>(
    `SELECT count(*) FILTER (WHERE ${duplicateImageSql('i')}) AS any,
            count(*) FILTER (WHERE ${duplicateImageSql('i', 'same-dataset')}) AS within,
            count(*) FILTER (WHERE ${duplicateImageSql('i', 'other-dataset')}) AS across,
            ARRAY(SELECT DISTINCT o.dataset_id FROM images o JOIN images s ON s.sha256 = o.sha256 AND s.dataset_id = $1
                  WHERE o.dataset_id <> $1 ORDER BY 1) AS others
     FROM images i WHERE i.dataset_id = $1`,
    [datasetId],
  );
  const r = rows[0]!;
  return { any: Number(r.any), withinDataset: Number(r.within), acrossDatasets: Number(r.across), otherDatasets: r.others };
}
