import { apiTokenSha256 } from '@ferbench/jobs';
import type { Public } from '../../container/public.js';
import { TokenError, TokenErrorCode } from './token.error.js';
import type { TokenHolder, TokenRepository } from './token.repository.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Who holds the API token of a request (`Authorization: Bearer <token>`), for the operations that need one. */
export class TokenService {
  constructor(private readonly repository: Public<TokenRepository>) {}

  async authenticate(authorization: string | undefined): Promise<TokenHolder> {
    const token = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
    if (token === undefined) throw new TokenError(TokenErrorCode.Missing, {});
    const holder = await this.repository.useLive(apiTokenSha256(token));
    if (holder === null) throw new TokenError(TokenErrorCode.Invalid, {});
    return holder;
  }
}
