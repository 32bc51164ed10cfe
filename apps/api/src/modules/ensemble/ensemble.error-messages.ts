import type { Mapping } from '../../errors/error-mapper.js';
import { EnsembleErrorCode } from './ensemble.error.js';

export const ENSEMBLE_ERROR_MAPPINGS: { [C in EnsembleErrorCode]: Mapping<C> } = {
  [EnsembleErrorCode.Invalid]: { code: 'BAD_USER_INPUT', status: 400, message: ({ problem }) => `${problem}.` },
  [EnsembleErrorCode.IdTaken]: {
    code: 'CONFLICT',
    status: 409,
    message: ({ id }) => `id: a model "${id}" is already registered; choose another id for the ensemble.`,
  },
};
