import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ClassMetrics', { description: "One label's row of a classification report." })
export class ClassMetricsType {
  @Field({ description: 'A canonical emotion.' })
  label!: string;

  @Field(() => Int, { description: 'Faces whose gold label is this one.' })
  support!: number;

  @Field(() => Int, { description: 'Faces the model gave this label.' })
  predicted!: number;

  @Field(() => Float, { nullable: true, description: 'null: the model never gave this label.' })
  precision!: number | null;

  @Field(() => Float, { nullable: true, description: 'null: no face has this gold label.' })
  recall!: number | null;

  @Field(() => Float, { nullable: true, description: 'null: the label is in neither gold nor predictions.' })
  f1!: number | null;
}
