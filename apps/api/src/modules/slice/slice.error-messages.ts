import type { Mapping } from '../../errors/error-mapper.js';
import { SliceErrorCode } from './slice.error.js';

export const SLICE_ERROR_MAPPINGS: { [C in SliceErrorCode]: Mapping<C> } = {
  [SliceErrorCode.UnknownAttribute]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ datasetId, attribute, known }) =>
      `attribute: no image of dataset "${datasetId}" has "${attribute}"; expected one of ${known.map((k) => `"${k}"`).join(', ')} (Dataset.sliceAttributes lists them).`,
  },
  [SliceErrorCode.TooManyGroups]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ attribute, groups, max }) => `attribute: "${attribute}" takes ${groups} distinct values; a slice compares at most ${max} groups (choose an attribute with fewer).`,
  },
};
