import { Field, Int, ObjectType } from 'type-graphql';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { ModelType } from '../../model/dto/model.type.js';
import { SliceAccuracyGapType, SliceGapType } from './slice-gap.type.js';
import { SliceGroupType } from './slice-group.type.js';

@ObjectType('Slices', {
  description:
    "A dataset cut by an image attribute (Fairlearn's MetricFrame): per group each model's accuracy and the models' Fleiss κ, " +
    'and the largest gap between groups.',
})
export class SlicesType {
  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field({ description: '`split`, or the path of an annotation (`subject`, `fer2013.label`).' })
  attribute!: string;

  @Field(() => [ModelType])
  models!: ModelType[];

  @Field(() => [String], { description: "The labels κ is computed over: every label all the models can emit. Accuracy uses each model's labels shared with the gold labels, as the leaderboard." })
  labelSet!: string[];

  @Field(() => Int, { description: 'Images without the attribute, in no group.' })
  imagesWithoutAttribute!: number;

  @Field(() => [SliceGroupType], { description: "Groups in order of the attribute's value (as text)." })
  groups!: SliceGroupType[];

  @Field(() => [SliceAccuracyGapType], { description: "Per model, the largest accuracy gap between groups." })
  accuracyGaps!: SliceAccuracyGapType[];

  @Field(() => SliceGapType, { description: "The largest gap in the models' Fleiss κ between groups." })
  kappaGap!: SliceGapType;
}

@ObjectType('SliceAttribute', { description: 'An image attribute the dataset can be sliced by.' })
export class SliceAttributeType {
  @Field()
  name!: string;

  @Field(() => Int, { description: 'Distinct values (groups).' })
  groups!: number;

  @Field(() => Int, { description: 'Images that have it.' })
  images!: number;
}
