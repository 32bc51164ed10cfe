import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('LabelProbability')
export class LabelProbabilityType {
  @Field({ description: 'A canonical emotion.' })
  label!: string;

  @Field(() => Float, { nullable: true, description: 'null: the model cannot emit this emotion.' })
  probability!: number | null;
}
