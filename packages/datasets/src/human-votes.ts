import type pg from 'pg';
import type { DatasetEntry } from './dataset-format.js';
import { replacePerImageRows } from './per-image-rows.js';

const HUMAN_VOTES = { table: 'human_votes', columns: [{ name: 'label', type: 'smallint' }, { name: 'votes', type: 'integer' }] };

/**
 * Replaces the human votes of the dataset's images that these entries publish votes for: one row per (image,
 * category) with votes. Returns the number of faces whose votes changed.
 */
export async function writeHumanVotes(client: pg.PoolClient, datasetId: string, entries: readonly DatasetEntry[]): Promise<number> {
  const rows = entries.flatMap((e) => (e.humanVotes ?? []).flatMap((votes, label) => (votes > 0 ? [[e.key, label, votes] as const] : [])));
  return replacePerImageRows(client, datasetId, HUMAN_VOTES, rows);
}
