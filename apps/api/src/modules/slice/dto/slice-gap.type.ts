import { Field, Float, ObjectType } from 'type-graphql';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('SliceGap', { description: 'The largest gap between groups: highest minus lowest value (Fairlearn: difference between groups).' })
export class SliceGapType {
  @Field(() => Float, { nullable: true, description: 'null with fewer than two groups where the metric is defined.' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'The group with the highest value.' })
  highGroup!: string | null;

  @Field(() => String, { nullable: true, description: 'The group with the lowest value.' })
  lowGroup!: string | null;

  @Field(() => [String], { description: 'Groups left out because the metric is undefined there.' })
  undefinedGroups!: string[];
}

@ObjectType('SliceAccuracyGap')
export class SliceAccuracyGapType {
  @Field(() => ModelType)
  model!: ModelType;

  @Field(() => SliceGapType)
  gap!: SliceGapType;
}
