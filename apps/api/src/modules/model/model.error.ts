import { DomainError } from '../../errors/domain-error.js';

export enum ModelErrorCode {
  NotFound = 'MODEL_NOT_FOUND',
}

export interface ModelErrorDetails {
  [ModelErrorCode.NotFound]: { ids: readonly string[] };
}

export class ModelError<C extends ModelErrorCode = ModelErrorCode> extends DomainError<C> {}
