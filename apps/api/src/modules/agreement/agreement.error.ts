import { DomainError } from '../../errors/domain-error.js';

export enum AgreementErrorCode {
  LabelNotEmittable = 'LABEL_NOT_EMITTABLE',
  TooManyModels = 'TOO_MANY_MODELS',
}

export interface AgreementErrorDetails {
  /** `labels` that the `models` cannot emit: agreement is only computed over labels every rater can give. */
  [AgreementErrorCode.LabelNotEmittable]: { labels: readonly string[]; models: readonly string[] };
  [AgreementErrorCode.TooManyModels]: { count: number; max: number };
}

export class AgreementError<C extends AgreementErrorCode = AgreementErrorCode> extends DomainError<C> {}
