import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { exportResults } from '../export-results.js';
import type { Manifest } from '../manifest.js';
import { snapshotId } from './snapshot-id.js';
import { storeSnapshot } from './snapshot.repository.js';

export interface CreateSnapshotOptions {
  datasets: readonly string[] | 'all';
  models: readonly string[] | 'all';
  /** Snapshots are kept under this folder, one subfolder per id (FERBENCH_DATA_DIR/snapshots). */
  snapshotsDir: string;
  bootstrap?: { resamples: number; seed: number };
  log?: (line: string) => void;
}

export interface CreatedSnapshot {
  id: string;
  /** False when a snapshot of exactly these results already existed (same id): nothing new was stored. */
  created: boolean;
  dir: string;
  manifest: Manifest;
}

/**
 * Freezes the current results: an export (CSV and Parquet) into a fresh folder, named after its manifest's content
 * hash once written, and stored with its figures. Unchanged results give the id of the snapshot that holds them.
 */
export async function createSnapshot(pool: pg.Pool, options: CreateSnapshotOptions): Promise<CreatedSnapshot> {
  await mkdir(options.snapshotsDir, { recursive: true });
  const work = path.join(options.snapshotsDir, `.writing-${randomUUID()}`);
  try {
    const { manifest, figures } = await exportResults(pool, {
      datasets: options.datasets,
      models: options.models,
      formats: ['csv', 'parquet'],
      outDir: work,
      ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    const id = snapshotId(manifest);
    const dir = path.join(options.snapshotsDir, id);
    if (existsSync(dir)) await rm(work, { recursive: true, force: true });
    else await rename(work, dir);
    const created = await storeSnapshot(pool, { id, manifest, dir }, figures);
    return { id, created, dir, manifest };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}
