import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import { AgreementResolver } from '../modules/agreement/agreement.resolver.js';
import { CalibrationResolver } from '../modules/calibration/calibration.resolver.js';
import { EnsembleResolver } from '../modules/ensemble/ensemble.resolver.js';
import { ComparisonResolver } from '../modules/comparison/comparison.resolver.js';
import { ConfusionResolver } from '../modules/confusion/confusion.resolver.js';
import { DatasetResolver } from '../modules/dataset/dataset.resolver.js';
import { DatasetDownloadsResolver } from '../modules/download/dataset-downloads.resolver.js';
import { ExploreResolver } from '../modules/explore/explore.resolver.js';
import { DatasetHumanVotesResolver } from '../modules/human-agreement/dataset-human-votes.resolver.js';
import { HumanAgreementResolver } from '../modules/human-agreement/human-agreement.resolver.js';
import { DatasetHumanRatingsResolver, HumanRatingsResolver } from '../modules/human-ratings/human-ratings.resolver.js';
import { DatasetImagesResolver } from '../modules/image/dataset-images.resolver.js';
import { ImageResolver } from '../modules/image/image.resolver.js';
import { LeaderboardResolver } from '../modules/leaderboard/leaderboard.resolver.js';
import { ModelResolver } from '../modules/model/model.resolver.js';
import { FacePerturbationsResolver } from '../modules/robustness/face-perturbations.resolver.js';
import { RobustnessResolver } from '../modules/robustness/robustness.resolver.js';
import { DatasetSliceAttributesResolver, SliceResolver } from '../modules/slice/slice.resolver.js';
import { LeaderboardSnapshotResolver } from '../modules/snapshot/leaderboard-snapshot.resolver.js';
import { SnapshotResolver } from '../modules/snapshot/snapshot.resolver.js';
import { StatusResolver } from '../modules/status/status.resolver.js';
import { SubmissionResolver } from '../modules/submission/submission.resolver.js';

export const RESOLVERS = [DatasetResolver, ModelResolver, ImageResolver, LeaderboardResolver, AgreementResolver, ComparisonResolver,
  ExploreResolver, ConfusionResolver, SubmissionResolver, HumanAgreementResolver, DatasetHumanVotesResolver,
  HumanRatingsResolver, DatasetHumanRatingsResolver, SliceResolver, DatasetSliceAttributesResolver,
  DatasetDownloadsResolver, SnapshotResolver, LeaderboardSnapshotResolver, DatasetImagesResolver, StatusResolver, RobustnessResolver,
  FacePerturbationsResolver, CalibrationResolver, EnsembleResolver] as const;

/**
 * The schema, built from the resolver classes with argument validation on. Without a container (printing the
 * schema) no resolver is ever instantiated.
 */
export function buildApiSchema(container?: ContainerType): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: true, ...(container ? { container } : {}) });
}
