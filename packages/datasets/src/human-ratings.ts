import { emotionIndex } from '@ferbench/shared';
import type pg from 'pg';
import type { DatasetEntry } from './dataset-format.js';
import { replacePerImageRows } from './per-image-rows.js';

const HUMAN_RATINGS = {
  table: 'human_ratings',
  columns: [
    { name: 'label', type: 'smallint' },
    { name: 'mean', type: 'double precision' },
    { name: 'scale_min', type: 'smallint' },
    { name: 'scale_max', type: 'smallint' },
    { name: 'raters', type: 'integer' },
  ],
};

/**
 * Replaces the human ratings of the dataset's images that these entries publish ratings for: one row per (image,
 * emotion rated). Returns the number of faces whose ratings changed.
 */
export async function writeHumanRatings(client: pg.PoolClient, datasetId: string, entries: readonly DatasetEntry[]): Promise<number> {
  const rows = entries.flatMap(({ key, humanRatings: r }) =>
    r === undefined ? [] : r.means.map(({ emotion, mean }) => [key, emotionIndex(emotion), mean, r.scaleMin, r.scaleMax, r.raters] as const),
  );
  return replacePerImageRows(client, datasetId, HUMAN_RATINGS, rows);
}
