import type { Mapping } from '../../errors/error-mapper.js';
import { ExploreErrorCode } from './explore.error.js';

export const EXPLORE_ERROR_MAPPINGS: { [C in ExploreErrorCode]: Mapping<C> } = {
  [ExploreErrorCode.InvalidCursor]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ order }) => `after: not a cursor of this query's order (${order}); pass pageInfo.endCursor of the previous page, with the same orderBy.`,
  },
  [ExploreErrorCode.NoHumanVotes]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ datasetId }) =>
      `Dataset "${datasetId}" has no human votes, so there is no human entropy to filter or sort by (only datasets imported with crowd votes, such as FER+, have them).`,
  },
  [ExploreErrorCode.SameModelTwice]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ modelId }) => `filter.disagree: modelA and modelB are both "${modelId}"; a model always agrees with itself.`,
  },
};
