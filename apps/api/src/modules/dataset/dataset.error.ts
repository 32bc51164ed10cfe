import { DomainError } from '../../errors/domain-error.js';

export enum DatasetErrorCode {
  NotFound = 'DATASET_NOT_FOUND',
}

export interface DatasetErrorDetails {
  [DatasetErrorCode.NotFound]: { id: string };
}

export class DatasetError<C extends DatasetErrorCode = DatasetErrorCode> extends DomainError<C> {}
