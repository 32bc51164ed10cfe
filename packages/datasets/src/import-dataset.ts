import { existsSync } from 'node:fs';
import path from 'node:path';
import { copyRows } from '@ferbench/db';
import { sha256Hex } from '@ferbench/inference';
import { canonicalIndices, type LabelMap, mapConcurrent } from '@ferbench/shared';
import type pg from 'pg';
import type { DatasetEntry } from './dataset-format.js';
import { datasetFormat } from './dataset-formats.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { type DuplicateCounts, duplicateCounts } from './duplicate-counts.js';
import { pngSize } from './grey-png.js';
import { writeHumanRatings } from './human-ratings.js';
import { writeHumanVotes } from './human-votes.js';
import { type ImageFacts, imageFacts, imageFactsOf } from './image-facts.js';
import { storedImageFile, storeImage } from './image-store.js';
import { type LabelCount, labelCounts } from './label-counts.js';

export interface ImportOptions {
  format: string;
  /** The dataset's folder. */
  root: string;
  /** Dataset id; the format's default (e.g. the folder's name) when absent. */
  id?: string | undefined;
  /** Import only this split. */
  split?: string | undefined;
  /** The dataset's labels and their emotions (`--labels`), for formats whose labels are folder or column values. */
  labels?: LabelMap | undefined;
  /** Which images of the layout (`--variant`), for formats that publish more than one set. */
  variant?: string | undefined;
  /** FERBENCH_DATA_DIR: where images published as pixels (fer2013.csv) are stored as files. */
  dataDir?: string | undefined;
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
  /** Faces whose human ratings were written because they were new or changed (datasets that publish ratings: JAFFE). */
  humanRatingsWritten: number;
  /** What the layout publishes that applies to no image (ratings of a photo not in the folder…): not problems. */
  notes: string[];
  /** Exact copies (same sha256) among the dataset's images and between it and the other datasets. */
  duplicates: DuplicateCounts;
  /** Every image of the dataset now in the database, counted per split × label. */
  counts: LabelCount[];
}

// Each image costs a file read, a hash and a header parse; a few in flight keep the disk and libuv busy
// without taking the machine.
const READ_CONCURRENCY = 4;

/** The entries with their first listing of each key; a key listed again is reported (the import keys on it). */
function uniqueKeys(entries: readonly DatasetEntry[], skipped: SkippedImage[]): DatasetEntry[] {
  const first = new Map<string, DatasetEntry>();
  for (const entry of entries) {
    const earlier = first.get(entry.key);
    if (earlier === undefined) first.set(entry.key, entry);
    else skipped.push({ name: entry.key, reason: `listed again (${entry.file}); the first listing (${earlier.file}) is imported` });
  }
  return [...first.values()];
}

/**
 * The facts of an entry's image: of its file, or of its content, which is then stored under the data folder and the
 * entry pointed at it.
 */
async function entryFacts(entry: DatasetEntry, dataDir: string | undefined): Promise<ImageFacts> {
  if (entry.content === undefined) return imageFacts(entry.file);
  // Every format that publishes pixels has them encoded as PNG (grey-png.ts), whose header gives the size directly.
  const size = pngSize(entry.content);
  const facts = size === undefined ? await imageFactsOf(entry.content) : { sha256: sha256Hex(entry.content), bytes: entry.content.byteLength, ...size };
  const file = storedImageFile(dataDir!, facts.sha256, 'png');
  await storeImage(file, entry.content);
  entry.file = file;
  delete entry.content;
  return facts;
}

/**
 * Imports (or re-imports) a dataset: lists it, reads every image's facts, and upserts the rows in one
 * transaction. Idempotent on (dataset, key). An image whose content changed loses its now-stale predictions.
 */
export async function importDataset(pool: pg.Pool, options: ImportOptions): Promise<ImportSummary> {
  const format = datasetFormat(options.format);
  const root = path.resolve(options.root);
  if (!existsSync(root)) throw new DatasetImportError(DatasetImportErrorCode.DatasetNotFound, `dataset folder ${root} does not exist`);
  const datasetId = options.id ?? format.defaultId(root);
  const log = options.log ?? (() => {});

  if (options.labels !== undefined && format.takesLabels !== true)
    throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `--labels does not apply to format ${format.name}: its labels are fixed (${format.labelMap.labels.join(', ')})`);
  if (options.variant !== undefined && format.variants === undefined)
    throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `--variant does not apply to format ${format.name}: it has one set of images`);
  const listing = await format.list(root, options.split, { labels: options.labels, variant: options.variant });
  const labelMap = listing.labelMap ?? format.labelMap;
  const canonical = canonicalIndices(labelMap);
  const labelIndex = new Map(labelMap.labels.map((label, i) => [label, canonical[i] ?? null]));
  const skipped: SkippedImage[] = listing.problems.map((p) => ({ name: p, reason: 'layout' }));
  const entries = uniqueKeys(listing.entries, skipped);
  if (options.dataDir === undefined && entries.some((e) => e.content !== undefined))
    throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `${format.name}: ${root} publishes pixels, which are stored as image files under a data folder, and none was given (FERBENCH_DATA_DIR)`);
  log(`${datasetId}: ${entries.length} images listed in ${root}`);
  const facts = await mapConcurrent(entries, READ_CONCURRENCY, async (entry) => {
    try {
      return await entryFacts(entry, options.dataDir);
    } catch (error) {
      skipped.push({ name: entry.key, reason: error instanceof Error ? error.message : String(error) });
      return null;
    }
  });
  for (const s of skipped) log(`${datasetId}: skipped ${s.name}: ${s.reason}`);
  const notes = listing.notes ?? [];
  for (const note of notes) log(`${datasetId}: ${note}`);

  const rows = entries.flatMap((entry, i) => {
    const f = facts[i] as ImageFacts | null;
    const annotations = entry.annotations === undefined ? null : JSON.stringify(entry.annotations);
    return f === null ? [] : [[entry.key, entry.file, f.sha256, f.bytes, f.width, f.height, entry.split, labelIndex.get(entry.labelRaw) ?? null, entry.labelRaw, annotations] as const];
  });

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Another folder in another layout under the same id would mix two datasets' images. The same folder read by
    // another format (the Kaggle FER2013 folders as imagefolder or fer2013) or a moved folder of the same layout is fine.
    const { rows: existing } = await client.query<{ format: string; root: string }>(`SELECT format, root FROM datasets WHERE id = $1 FOR UPDATE`, [datasetId]);
    const earlier = existing[0];
    if (earlier !== undefined && earlier.format !== format.name && earlier.root !== root)
      throw new DatasetImportError(
        DatasetImportErrorCode.DatasetLayout,
        `dataset "${datasetId}" already holds ${earlier.format} images from ${earlier.root}; import ${root} (${format.name}) under another id with --name`,
      );
    if (earlier !== undefined && earlier.root !== root) log(`${datasetId}: root moves from ${earlier.root} to ${root}`);
    await client.query(
      `INSERT INTO datasets (id, name, format, root, label_map) VALUES ($1, $1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET format = EXCLUDED.format, root = EXCLUDED.root, label_map = EXCLUDED.label_map, updated_at = now()`,
      [datasetId, format.name, root, JSON.stringify(labelMap)],
    );
    await client.query(`CREATE TEMP TABLE image_stage (key text, path text, sha256 char(64), bytes integer, width integer, height integer,
      split text, gold_label smallint, gold_label_raw text, annotations jsonb) ON COMMIT DROP`);
    await copyRows(client, 'image_stage', ['key', 'path', 'sha256', 'bytes', 'width', 'height', 'split', 'gold_label', 'gold_label_raw', 'annotations'], rows);
    // A file whose bytes changed is a different image: predictions made on the old bytes no longer hold.
    for (const table of ['predictions', 'prediction_failures'])
      await client.query(
        `DELETE FROM ${table} t USING images i, image_stage s
         WHERE t.image_id = i.id AND i.dataset_id = $1 AND i.key = s.key AND i.sha256 <> s.sha256`,
        [datasetId],
      );
    const { rows: written } = await client.query<{ inserted: boolean }>(
      `INSERT INTO images (dataset_id, key, path, sha256, bytes, width, height, split, gold_label, gold_label_raw, annotations)
       SELECT $1, key, path, sha256, bytes, width, height, split, gold_label, gold_label_raw, annotations FROM image_stage
       ON CONFLICT (dataset_id, key) DO UPDATE SET path = EXCLUDED.path, sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes,
         width = EXCLUDED.width, height = EXCLUDED.height, split = EXCLUDED.split, gold_label = EXCLUDED.gold_label,
         gold_label_raw = EXCLUDED.gold_label_raw, annotations = EXCLUDED.annotations
       WHERE (images.path, images.sha256, images.bytes, images.width, images.height, images.split, images.gold_label, images.gold_label_raw, images.annotations)
         IS DISTINCT FROM (EXCLUDED.path, EXCLUDED.sha256, EXCLUDED.bytes, EXCLUDED.width, EXCLUDED.height, EXCLUDED.split, EXCLUDED.gold_label, EXCLUDED.gold_label_raw, EXCLUDED.annotations)
       RETURNING (xmax = 0) AS inserted`,
      [datasetId],
    );
    const humanVotesWritten = await writeHumanVotes(client, datasetId, entries);
    const humanRatingsWritten = await writeHumanRatings(client, datasetId, entries);
    await client.query('COMMIT');
    const inserted = written.filter((r) => r.inserted).length;
    return {
      datasetId,
      format: format.name,
      root,
      listed: entries.length,
      inserted,
      updated: written.length - inserted,
      unchanged: rows.length - written.length,
      skipped,
      humanVotesWritten,
      humanRatingsWritten,
      notes,
      duplicates: await duplicateCounts(pool, datasetId),
      counts: await labelCounts(pool, datasetId),
    };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
