import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('Correlation', { description: 'A correlation coefficient over n faces with its 95% Fisher z interval; null with the reason when undefined.' })
export class CorrelationType {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Why value is null.' })
  reason!: string | null;

  @Field(() => Int, { description: 'Faces the coefficient is computed over.' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Lower bound of the Fisher z interval (null with n < 4 or |value| = 1).' })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh!: number | null;

  @Field(() => Float)
  ciLevel!: number;
}
