import { EngineError } from '@ferbench/shared';

export enum TokenErrorCode {
  TokenNameTaken = 'token-name-taken',
  TokenNameInvalid = 'token-name-invalid',
}

/** An API token could not be created. */
export class TokenError extends EngineError<TokenErrorCode> {}
