import type { Mapping } from '../../errors/error-mapper.js';
import { TokenErrorCode } from './token.error.js';

export const TOKEN_ERROR_MAPPINGS: { [C in TokenErrorCode]: Mapping<C> } = {
  [TokenErrorCode.Missing]: {
    code: 'UNAUTHENTICATED',
    status: 401,
    message: () => 'Submitting a model needs an API token: send "Authorization: Bearer <token>" (an operator creates one with `ferbench token create <name>`).',
  },
  [TokenErrorCode.Invalid]: {
    code: 'UNAUTHENTICATED',
    status: 401,
    message: () => 'The API token is not valid: it is unknown or was revoked.',
  },
};
