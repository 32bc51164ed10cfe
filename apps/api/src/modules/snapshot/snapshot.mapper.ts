import { emotionAt } from '@ferbench/shared';
import type { SnapshotAgreementType } from './dto/snapshot-agreement.type.js';
import type { SnapshotLeaderboardEntryType } from './dto/snapshot-leaderboard-entry.type.js';
import type { SnapshotType } from './dto/snapshot.type.js';
import type { SnapshotAgreementRow, SnapshotEntryRow, SnapshotRow } from './snapshot.repository.js';

export function toSnapshotType(row: SnapshotRow): SnapshotType {
  const { ferbench, content } = row.manifest;
  return {
    id: row.id,
    contentSha256: row.content_sha256,
    createdAt: row.created_at,
    ferbenchVersion: ferbench.version,
    ferbenchCommit: ferbench.commit,
    datasets: content.datasets.map((d) => ({ id: d.id, imageCount: d.images, dataSha256: d.contentSha256 })),
    models: content.models.map((m) => ({ id: m.id, sha256: m.sha256 })),
    files: content.files.map(({ path, table, format, rows, sha256 }) => ({ path, table, format, rows, sha256 })),
  };
}

export function toSnapshotEntry(row: SnapshotEntryRow): SnapshotLeaderboardEntryType {
  return {
    snapshotId: row.snapshot_id,
    snapshotCreatedAt: row.created_at,
    modelId: row.model_id,
    modelSha256: row.model_sha256,
    dataSha256: row.dataset_sha256,
    rank: row.rank,
    n: row.n,
    accuracy: row.accuracy,
    macroF1: row.macro_f1,
    labelSet: row.label_set.map(emotionAt),
  };
}

export function toSnapshotAgreement(row: SnapshotAgreementRow): SnapshotAgreementType {
  return {
    snapshotId: row.snapshot_id,
    dataSha256: row.dataset_sha256,
    models: row.models,
    nFaces: row.n_faces,
    nRaters: row.n_raters,
    labelSet: row.label_set.map(emotionAt),
    fleissKappa: row.kappa,
    se: row.se,
    ciLow: row.ci_low,
    ciHigh: row.ci_high,
    ciLevel: row.ci_level,
    resamples: row.resamples,
    seed: row.seed,
    reason: row.reason,
  };
}
