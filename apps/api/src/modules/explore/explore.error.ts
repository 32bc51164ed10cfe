import { DomainError } from '../../errors/domain-error.js';

export enum ExploreErrorCode {
  InvalidCursor = 'INVALID_CURSOR',
  NoHumanVotes = 'NO_HUMAN_VOTES',
  SameModelTwice = 'SAME_MODEL_TWICE',
}

export interface ExploreErrorDetails {
  [ExploreErrorCode.InvalidCursor]: { order: string };
  [ExploreErrorCode.NoHumanVotes]: { datasetId: string };
  [ExploreErrorCode.SameModelTwice]: { modelId: string };
}

export class ExploreError<C extends ExploreErrorCode = ExploreErrorCode> extends DomainError<C> {}
