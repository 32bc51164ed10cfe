import { DomainError } from '../../errors/domain-error.js';

export enum SnapshotErrorCode {
  NotFound = 'SNAPSHOT_NOT_FOUND',
}

export interface SnapshotErrorDetails {
  [SnapshotErrorCode.NotFound]: { id: string };
}

export class SnapshotError<C extends SnapshotErrorCode = SnapshotErrorCode> extends DomainError<C> {}
