import { EngineError } from '@ferbench/shared';

export enum EnsembleErrorCode {
  InvalidId = 'invalid-id',
  IdTaken = 'id-taken',
  InvalidRule = 'invalid-rule',
  TooFewMembers = 'too-few-members',
  UnknownMembers = 'unknown-members',
  MemberIsEnsemble = 'member-is-ensemble',
  NoCommonLabels = 'no-common-labels',
  NotFound = 'not-found',
}

/** An ensemble could not be created or refreshed; the message names the field and what was expected. */
export class EnsembleError extends EngineError<EnsembleErrorCode> {}
