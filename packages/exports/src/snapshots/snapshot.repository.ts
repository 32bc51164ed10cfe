import type pg from 'pg';
import { emotionIndex } from '@ferbench/shared';
import type { Manifest } from '../manifest.js';
import type { ResultFigures } from '../result-figures.js';

export interface SnapshotRecord {
  id: string;
  contentSha256: string;
  manifest: Manifest;
  dir: string;
  createdAt: Date;
}

/** Stores a snapshot and the figures it froze, once: a snapshot id already stored is left as it is. Returns whether it was new. */
export async function storeSnapshot(pool: pg.Pool, snapshot: { id: string; manifest: Manifest; dir: string }, figures: ResultFigures): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inserted = await client.query(`INSERT INTO snapshots (id, content_sha256, manifest, dir) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [
      snapshot.id,
      snapshot.manifest.contentSha256,
      snapshot.manifest,
      snapshot.dir,
    ]);
    if (inserted.rowCount === 1) {
      const ranks = new Map<string, number>();
      for (const e of figures.leaderboard) {
        const rank = (ranks.get(e.datasetId) ?? 0) + 1;
        ranks.set(e.datasetId, rank);
        await client.query(
          `INSERT INTO snapshot_leaderboard (snapshot_id, dataset_id, dataset_sha256, model_id, model_sha256, rank, n, accuracy, macro_f1, label_set) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [snapshot.id, e.datasetId, e.datasetSha256, e.modelId, e.modelSha256, rank, e.n, e.accuracy, e.macroF1, e.labelSet.map(emotionIndex)],
        );
      }
      for (const a of figures.agreement)
        await client.query(
          `INSERT INTO snapshot_agreement (snapshot_id, dataset_id, dataset_sha256, models, n_faces, n_raters, label_set, kappa, se, ci_low, ci_high, ci_level, resamples, seed, reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [snapshot.id, a.datasetId, a.datasetSha256, a.models, a.nFaces, a.nRaters, a.labelSet.map(emotionIndex), a.kappa, a.se, a.ci.low, a.ci.high, a.ci.level, a.ci.resamples, a.ci.seed, a.reason],
        );
    }
    await client.query('COMMIT');
    return inserted.rowCount === 1;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Every stored snapshot, newest first. */
export async function listSnapshots(pool: pg.Pool): Promise<SnapshotRecord[]> {
  const { rows } = await pool.query<{ id: string; content_sha256: string; manifest: Manifest; dir: string; created_at: Date }>(
    'SELECT id, content_sha256, manifest, dir, created_at FROM snapshots ORDER BY created_at DESC, id',
  );
  return rows.map((r) => ({ id: r.id, contentSha256: r.content_sha256, manifest: r.manifest, dir: r.dir, createdAt: r.created_at }));
}
