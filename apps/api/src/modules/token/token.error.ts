import { DomainError } from '../../errors/domain-error.js';

export enum TokenErrorCode {
  Missing = 'TOKEN_MISSING',
  Invalid = 'TOKEN_INVALID',
}

export interface TokenErrorDetails {
  [TokenErrorCode.Missing]: Record<string, never>;
  [TokenErrorCode.Invalid]: Record<string, never>;
}

export class TokenError<C extends TokenErrorCode = TokenErrorCode> extends DomainError<C> {}
