import type { Public } from '../../container/public.js';
import { PairStatus, type PairProgressType, type RunStatusType } from './dto/run-status.type.js';
import type { PairRow, StatusRepository } from './status.repository.js';

/** The status page's answer: the bootstrap's phase and each model × dataset's faces done of total and speed. */
export class StatusService {
  constructor(private readonly repository: Public<StatusRepository>) {}

  resultsVersion(): Promise<string> {
    return this.repository.resultsVersion();
  }

  async status(): Promise<RunStatusType> {
    const [row, pairs] = await Promise.all([this.repository.bootstrap(), this.repository.pairs()]);
    const progress = pairs.map(toPairProgress);
    const bootstrap =
      row === null ? null : { phase: row.phase, detail: row.detail, startedAt: row.started_at, updatedAt: row.updated_at, finishedAt: row.finished_at };
    const active = (bootstrap !== null && bootstrap.finishedAt === null) || progress.some((p) => p.status === PairStatus.RUNNING);
    return { bootstrap, active, pairs: progress };
  }
}

export function toPairProgress(row: PairRow): PairProgressType {
  const status =
    row.run_status === 'running'
      ? PairStatus.RUNNING
      : row.faces_total > 0 && row.faces_done >= row.faces_total
        ? PairStatus.DONE
        : row.run_status === 'failed'
          ? PairStatus.FAILED
          : PairStatus.QUEUED;
  const facesPerSecond =
    row.run_status === 'running' ? (row.run_seconds !== null && row.run_seconds > 0 ? (row.run_faces ?? 0) / row.run_seconds : null) : row.faces_per_s;
  return {
    modelId: row.model_id,
    modelName: row.model_name,
    datasetId: row.dataset_id,
    status,
    facesDone: row.faces_done,
    facesTotal: row.faces_total,
    facesPerSecond,
    error: status === PairStatus.FAILED ? row.error : null,
  };
}
