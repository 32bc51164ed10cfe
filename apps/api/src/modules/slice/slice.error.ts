import { DomainError } from '../../errors/domain-error.js';

export enum SliceErrorCode {
  UnknownAttribute = 'SLICE_UNKNOWN_ATTRIBUTE',
  TooManyGroups = 'SLICE_TOO_MANY_GROUPS',
}

export interface SliceErrorDetails {
  /** No image of the dataset has `attribute`; `known` are those its images have. */
  [SliceErrorCode.UnknownAttribute]: { datasetId: string; attribute: string; known: readonly string[] };
  [SliceErrorCode.TooManyGroups]: { attribute: string; groups: number; max: number };
}

export class SliceError<C extends SliceErrorCode = SliceErrorCode> extends DomainError<C> {}
