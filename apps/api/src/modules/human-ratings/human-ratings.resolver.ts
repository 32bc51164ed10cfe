import { Args, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { DatasetType } from '../dataset/dto/dataset.type.js';
import { RatingCorrelationArgs } from './dto/rating-correlation.args.js';
import { RatingCorrelationType } from './dto/rating-correlation.type.js';
import type { HumanRatingsService } from './human-ratings.service.js';

@Resolver(() => RatingCorrelationType)
export class HumanRatingsResolver {
  constructor(private readonly service: Public<HumanRatingsService>) {}

  @Query(() => RatingCorrelationType, {
    description: "Each model's probability for an emotion vs people's mean rating of it (Spearman's ρ with its CI), per rated emotion and pooled.",
  })
  ratingCorrelation(@Args(() => RatingCorrelationArgs) { dataset, models }: RatingCorrelationArgs): Promise<RatingCorrelationType> {
    return this.service.ratingCorrelation(dataset, models ?? undefined);
  }
}

/** Dataset.humanRatedFaces, kept with the ratings it counts. */
@Resolver(() => DatasetType)
export class DatasetHumanRatingsResolver {
  constructor(private readonly service: Pick<Public<HumanRatingsService>, 'ratedFaces'>) {}

  @FieldResolver(() => Int, { description: "Faces with people's graded ratings (JAFFE); 0 for a dataset without them. ratingCorrelation needs some." })
  humanRatedFaces(@Root() dataset: DatasetType): Promise<number> {
    return this.service.ratedFaces(dataset.id);
  }
}
