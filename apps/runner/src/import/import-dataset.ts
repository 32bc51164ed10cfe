import { existsSync } from 'node:fs';
import path from 'node:path';
import { canonicalIndices } from '@ferbench/shared';
import type pg from 'pg';
import { copyRows } from '../db/copy-rows.js';
import { RunnerError, RunnerErrorCode } from '../runner-error.js';
import { mapConcurrent } from '../util/map-concurrent.js';
import { datasetFormat } from './dataset-formats.js';
import { writeHumanVotes } from './human-votes.js';
import { type ImageFacts, imageFacts } from './image-facts.js';
import { type LabelCount, labelCounts } from './label-counts.js';

export interface ImportOptions {
  format: string;
  /** The dataset's folder. */
  root: string;
  /** Dataset id; the format's default (e.g. the folder's name) when absent. */
  id?: string | undefined;
  /** Import only this split. */
  split?: string | undefined;
  log?: (line: string) => void;
}

export interface SkippedImage {
  /** The image's key, or the layout item that could not be read. */
  name: string;
  reason: string;
}

export interface ImportSummary {
  datasetId: string;
  format: string;
  root: string;
  /** Images listed by the layout in this import. */
  listed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: SkippedImage[];
  /** Faces whose human votes were written because they were new or changed (datasets that publish votes). */
  humanVotesWritten: number;
  /** Every image of the dataset now in the database, counted per split × label. */
  counts: LabelCount[];
}

// Each image costs a file read, a hash and a header parse; a few in flight keep the disk and libuv busy
// without taking the machine.
const READ_CONCURRENCY = 4;

/**
 * Imports (or re-imports) a dataset: lists it, reads every image's facts, and upserts the rows in one
 * transaction. Idempotent on (dataset, key). An image whose content changed loses its now-stale predictions.
 */
export async function importDataset(pool: pg.Pool, options: ImportOptions): Promise<ImportSummary> {
  const format = datasetFormat(options.format);
  const root = path.resolve(options.root);
  if (!existsSync(root)) throw new RunnerError(RunnerErrorCode.DatasetNotFound, `dataset folder ${root} does not exist`);
  const datasetId = options.id ?? format.defaultId(root);
  const log = options.log ?? (() => {});
  const canonical = canonicalIndices(format.labelMap);
  const labelIndex = new Map(format.labelMap.labels.map((label, i) => [label, canonical[i] ?? null]));

  const listing = await format.list(root, options.split);
  const skipped: SkippedImage[] = listing.problems.map((p) => ({ name: p, reason: 'layout' }));
  log(`${datasetId}: ${listing.entries.length} images listed in ${root}`);
  const facts = await mapConcurrent(listing.entries, READ_CONCURRENCY, async (entry) => {
    try {
      return await imageFacts(entry.file);
    } catch (error) {
      skipped.push({ name: entry.key, reason: error instanceof Error ? error.message : String(error) });
      return null;
    }
  });
  for (const s of skipped) log(`${datasetId}: skipped ${s.name}: ${s.reason}`);

  const rows = listing.entries.flatMap((entry, i) => {
    const f = facts[i] as ImageFacts | null;
    return f === null ? [] : [[entry.key, entry.file, f.sha256, f.bytes, f.width, f.height, entry.split, labelIndex.get(entry.labelRaw) ?? null, entry.labelRaw] as const];
  });

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO datasets (id, name, format, root, label_map) VALUES ($1, $1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET format = EXCLUDED.format, root = EXCLUDED.root, label_map = EXCLUDED.label_map, updated_at = now()`,
      [datasetId, format.name, root, JSON.stringify(format.labelMap)],
    );
    await client.query(`CREATE TEMP TABLE image_stage (key text, path text, sha256 char(64), bytes integer, width integer, height integer,
      split text, gold_label smallint, gold_label_raw text) ON COMMIT DROP`);
    await copyRows(client, 'image_stage', ['key', 'path', 'sha256', 'bytes', 'width', 'height', 'split', 'gold_label', 'gold_label_raw'], rows);
    // A file whose bytes changed is a different image: predictions made on the old bytes no longer hold.
    for (const table of ['predictions', 'prediction_failures'])
      await client.query(
        `DELETE FROM ${table} t USING images i, image_stage s
         WHERE t.image_id = i.id AND i.dataset_id = $1 AND i.key = s.key AND i.sha256 <> s.sha256`,
        [datasetId],
      );
    const { rows: written } = await client.query<{ inserted: boolean }>(
      `INSERT INTO images (dataset_id, key, path, sha256, bytes, width, height, split, gold_label, gold_label_raw)
       SELECT $1, key, path, sha256, bytes, width, height, split, gold_label, gold_label_raw FROM image_stage
       ON CONFLICT (dataset_id, key) DO UPDATE SET path = EXCLUDED.path, sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes,
         width = EXCLUDED.width, height = EXCLUDED.height, split = EXCLUDED.split, gold_label = EXCLUDED.gold_label,
         gold_label_raw = EXCLUDED.gold_label_raw
       WHERE (images.path, images.sha256, images.bytes, images.width, images.height, images.split, images.gold_label, images.gold_label_raw)
         IS DISTINCT FROM (EXCLUDED.path, EXCLUDED.sha256, EXCLUDED.bytes, EXCLUDED.width, EXCLUDED.height, EXCLUDED.split, EXCLUDED.gold_label, EXCLUDED.gold_label_raw)
       RETURNING (xmax = 0) AS inserted`,
      [datasetId],
    );
    const humanVotesWritten = await writeHumanVotes(client, datasetId, listing.entries);
    await client.query('COMMIT');
    const inserted = written.filter((r) => r.inserted).length;
    return {
      datasetId,
      format: format.name,
      root,
      listed: listing.entries.length,
      inserted,
      updated: written.length - inserted,
      unchanged: rows.length - written.length,
      skipped,
      humanVotesWritten,
      counts: await labelCounts(pool, datasetId),
    };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
