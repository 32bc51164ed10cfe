import type { Public } from '../../container/public.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import type { LeaderboardEntryType } from '../leaderboard/dto/leaderboard-entry.type.js';
import type { SnapshotAgreementType } from './dto/snapshot-agreement.type.js';
import type { SnapshotLeaderboardEntryType } from './dto/snapshot-leaderboard-entry.type.js';
import type { SnapshotType } from './dto/snapshot.type.js';
import { SnapshotError, SnapshotErrorCode } from './snapshot.error.js';
import { toSnapshotAgreement, toSnapshotEntry, toSnapshotType } from './snapshot.mapper.js';
import type { SnapshotRepository } from './snapshot.repository.js';

export class SnapshotService {
  constructor(
    private readonly repository: Public<SnapshotRepository>,
    private readonly datasets: Pick<DatasetService, 'dataSha256'>,
  ) {}

  async list(): Promise<SnapshotType[]> {
    return (await this.repository.list()).map(toSnapshotType);
  }

  async find(id: string): Promise<SnapshotType | null> {
    const row = await this.repository.find(id);
    return row === null ? null : toSnapshotType(row);
  }

  async leaderboard(snapshotId: string, datasetId: string): Promise<SnapshotLeaderboardEntryType[]> {
    if ((await this.repository.find(snapshotId)) === null) throw new SnapshotError(SnapshotErrorCode.NotFound, { id: snapshotId });
    return (await this.repository.leaderboard(snapshotId, datasetId)).map(toSnapshotEntry);
  }

  async agreement(snapshotId: string, datasetId: string): Promise<SnapshotAgreementType | null> {
    const row = await this.repository.agreement(snapshotId, datasetId);
    return row === null ? null : toSnapshotAgreement(row);
  }

  /** The newest snapshot's entry for this model on this dataset, whatever it says: the frozen number beside the live one. */
  async latest(entry: LeaderboardEntryType): Promise<SnapshotLeaderboardEntryType | null> {
    const [newest] = await this.repository.entriesOf(entry.datasetId, entry.model.id);
    return newest === undefined ? null : toSnapshotEntry(newest);
  }

  /**
   * The newest snapshot that holds this live entry exactly: the same model file, the same images (content hash),
   * the same n, accuracy and macro-F1. A live number citing it can be reproduced from that snapshot's files.
   */
  async citation(entry: LeaderboardEntryType): Promise<SnapshotLeaderboardEntryType | null> {
    const rows = await this.repository.entriesOf(entry.datasetId, entry.model.id);
    if (rows.length === 0) return null;
    const dataSha256 = await this.datasets.dataSha256(entry.datasetId);
    const held = rows.find(
      (r) => r.model_sha256 === entry.model.sha256 && r.dataset_sha256 === dataSha256 && r.n === entry.n && r.accuracy === entry.accuracy && r.macro_f1 === entry.macroF1,
    );
    return held === undefined ? null : toSnapshotEntry(held);
  }
}
