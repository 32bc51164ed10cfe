import { Field, Float, ObjectType } from 'type-graphql';
import { ModelType } from '../../model/dto/model.type.js';
import { LabelProbabilityType } from './label-probability.type.js';

@ObjectType('Prediction', { description: "One model's answer for one face." })
export class PredictionType {
  @Field(() => ModelType)
  model!: ModelType;

  @Field({ description: 'The canonical emotion the model chose.' })
  label!: string;

  @Field(() => Float, { description: 'Probability the model gave its chosen label.' })
  probability!: number;

  @Field(() => [LabelProbabilityType], { description: 'One entry per canonical emotion, in canonical order.' })
  probabilities!: LabelProbabilityType[];
}
