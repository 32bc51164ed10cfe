import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('Accuracy')
export class AccuracyType {
  @Field(() => Float, { nullable: true, description: 'Share of the n faces on which the model gave the gold label.' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Why value is null.' })
  reason!: string | null;

  @Field(() => Int, { description: 'Faces scored.' })
  n!: number;
}
