import { Field, Int, ObjectType } from 'type-graphql';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { ModelRatingCorrelationType } from './model-rating-correlation.type.js';

@ObjectType('RatingCorrelation', {
  description:
    "Models against people's graded judgement (JAFFE's semantic ratings: per photo, the mean of 60 raters' 1..5 ratings of each " +
    "of six emotions): does a model give an emotion more probability where people see more of it?",
})
export class RatingCorrelationType {
  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field(() => Int, { description: 'Faces with human ratings (0: the dataset publishes none).' })
  ratedFaces!: number;

  @Field(() => [String], { description: 'The canonical emotions people rated.' })
  emotions!: string[];

  @Field(() => Int, { nullable: true, description: 'Lowest point of the rating scale (null when the faces differ).' })
  scaleMin!: number | null;

  @Field(() => Int, { nullable: true })
  scaleMax!: number | null;

  @Field(() => Int, { nullable: true, description: 'Raters behind each mean, as published (null when the faces differ).' })
  raters!: number | null;

  @Field({ description: 'The coefficient and how its CI is computed.' })
  method!: string;

  @Field(() => [ModelRatingCorrelationType])
  models!: ModelRatingCorrelationType[];
}
