import type { Manifest } from '@ferbench/exports';
import type { DataSource } from 'typeorm';

export interface SnapshotRow {
  id: string;
  content_sha256: string;
  manifest: Manifest;
  created_at: Date;
}

export interface SnapshotEntryRow {
  snapshot_id: string;
  created_at: Date;
  dataset_id: string;
  dataset_sha256: string;
  model_id: string;
  model_sha256: string;
  rank: number;
  n: number;
  accuracy: number | null;
  macro_f1: number | null;
  label_set: number[];
}

export interface SnapshotAgreementRow {
  snapshot_id: string;
  dataset_id: string;
  dataset_sha256: string;
  models: string[];
  n_faces: number;
  n_raters: number;
  label_set: number[];
  kappa: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  ci_level: number;
  resamples: number;
  seed: number;
  reason: string | null;
}

const ENTRY = `e.snapshot_id, s.created_at, e.dataset_id, e.dataset_sha256, e.model_id, e.model_sha256, e.rank, e.n, e.accuracy, e.macro_f1, e.label_set
                 FROM snapshot_leaderboard e JOIN snapshots s ON s.id = e.snapshot_id`;

/** The snapshots `ferbench snapshot create` stored, and the figures each froze. */
export class SnapshotRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<SnapshotRow[]> {
    return this.dataSource.query('SELECT id, content_sha256, manifest, created_at FROM snapshots ORDER BY created_at DESC, id');
  }

  async find(id: string): Promise<SnapshotRow | null> {
    const rows: SnapshotRow[] = await this.dataSource.query('SELECT id, content_sha256, manifest, created_at FROM snapshots WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  leaderboard(snapshotId: string, datasetId: string): Promise<SnapshotEntryRow[]> {
    return this.dataSource.query(`SELECT ${ENTRY} WHERE e.snapshot_id = $1 AND e.dataset_id = $2 ORDER BY e.rank`, [snapshotId, datasetId]);
  }

  /** Every snapshot's entry for one model on one dataset, newest snapshot first. */
  entriesOf(datasetId: string, modelId: string): Promise<SnapshotEntryRow[]> {
    return this.dataSource.query(`SELECT ${ENTRY} WHERE e.dataset_id = $1 AND e.model_id = $2 ORDER BY s.created_at DESC, s.id`, [datasetId, modelId]);
  }

  async agreement(snapshotId: string, datasetId: string): Promise<SnapshotAgreementRow | null> {
    const rows: SnapshotAgreementRow[] = await this.dataSource.query('SELECT * FROM snapshot_agreement WHERE snapshot_id = $1 AND dataset_id = $2', [snapshotId, datasetId]);
    return rows[0] ?? null;
  }
}
