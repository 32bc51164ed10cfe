import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '@ferbench/inference';
import { datasetContentSha256, pgRows } from '@ferbench/scores';
import type pg from 'pg';
import { RunError, RunErrorCode } from './run-error.js';

export interface VerifiedCopy {
  datasetId: string;
  root: string;
  /** The dataset's content hash, which this copy has. */
  contentSha256: string;
  images: number;
}

/**
 * Checks this machine's copy of a dataset (each image at its key below `root`) against the dataset's content
 * hash (sha256 of its images' sorted sha256s, as the API reports it) before a worker predicts from it: every file
 * is read and hashed. Throws naming the first image, in key order, that is missing or whose bytes differ, with
 * the sha256 expected and found.
 */
export async function verifyDatasetCopy(pool: pg.Pool | pg.PoolClient, datasetId: string, root: string): Promise<VerifiedCopy> {
  const { rows } = await pool.query<{ key: string; sha256: string }>('SELECT key, sha256 FROM images WHERE dataset_id = $1 ORDER BY key', [datasetId]);
  if (rows.length === 0) throw new RunError(RunErrorCode.DatasetNotFound, `dataset ${datasetId} has no images in the database`);
  const expected = await datasetContentSha256(pgRows(pool), datasetId);
  const found: string[] = [];
  for (const { key, sha256 } of rows) {
    const file = path.join(root, ...key.split('/'));
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw mismatch(datasetId, root, expected, `${key} is missing (no ${file})`);
    }
    const got = sha256Hex(bytes);
    if (got !== sha256) throw mismatch(datasetId, root, expected, `${key} has sha256 ${got}, the dataset's is ${sha256} (${file})`);
    found.push(got);
  }
  const local = createHash('sha256').update(found.sort().map((s) => `${s}\n`).join('')).digest('hex');
  // Every file matched its own row, so only a change between the two queries can make the hashes differ.
  if (local !== expected) throw mismatch(datasetId, root, expected, 'the dataset changed while the copy was checked');
  return { datasetId, root, contentSha256: expected, images: rows.length };
}

function mismatch(datasetId: string, root: string, expected: string, first: string): RunError {
  return new RunError(
    RunErrorCode.DatasetCopyMismatch,
    `dataset ${datasetId}: the copy at ${root} is not the dataset (content sha256 ${expected}): first differing file: ${first}`,
  );
}
