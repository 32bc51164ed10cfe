import { Field, Float, Int, ObjectType } from 'type-graphql';
import { FleissKappaType } from '../../agreement/dto/fleiss-kappa.type.js';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('SliceAccuracy', { description: "One model's accuracy in one group, over the group's faces whose gold label the model can give." })
export class SliceAccuracyType {
  @Field(() => ModelType)
  model!: ModelType;

  @Field(() => Int, { description: 'Faces scored.' })
  n!: number;

  @Field(() => Int, { description: 'Faces where the model says the gold label.' })
  correct!: number;

  @Field(() => Float, { nullable: true, description: 'correct / n; null with n = 0.' })
  accuracy!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound of the 95% Wilson score interval.' })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh!: number | null;

  @Field(() => Float)
  ciLevel!: number;
}

@ObjectType('SliceGroup')
export class SliceGroupType {
  @Field({ description: "The attribute's value." })
  group!: string;

  @Field(() => Int, { description: 'Images of the dataset in this group.' })
  images!: number;

  @Field(() => [SliceAccuracyType], { description: 'Per model, in the order of Slices.models.' })
  accuracies!: SliceAccuracyType[];

  @Field(() => FleissKappaType, { description: "Fleiss' κ of the models over the group's faces every one of them rated, with its bootstrap CI." })
  fleiss!: FleissKappaType;
}
