import { DomainError } from '../../errors/domain-error.js';

export enum EnsembleErrorCode {
  Invalid = 'ENSEMBLE_INVALID',
  IdTaken = 'ENSEMBLE_ID_TAKEN',
}

export interface EnsembleErrorDetails {
  /** `problem` is the engine's sentence, which starts with the field it is about (id, rule, models). */
  [EnsembleErrorCode.Invalid]: { problem: string };
  [EnsembleErrorCode.IdTaken]: { id: string };
}

export class EnsembleError<C extends EnsembleErrorCode = EnsembleErrorCode> extends DomainError<C> {}
