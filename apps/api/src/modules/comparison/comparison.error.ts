import { DomainError } from '../../errors/domain-error.js';

export enum ComparisonErrorCode {
  SameModel = 'SAME_MODEL',
}

export interface ComparisonErrorDetails {
  [ComparisonErrorCode.SameModel]: { id: string };
}

export class ComparisonError<C extends ComparisonErrorCode = ComparisonErrorCode> extends DomainError<C> {}
