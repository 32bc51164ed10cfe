import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('McNemar', {
  description: "McNemar's test of equal accuracy on paired faces: exact binomial when b + c < 25, else χ² with continuity correction.",
})
export class McNemarType {
  @Field({ description: '"exact-binomial" or "chi-square-continuity".' })
  method!: string;

  @Field(() => Float, { description: 'min(b, c) for the exact test, the χ² statistic otherwise.' })
  statistic!: number;

  @Field(() => Float, { description: 'Two-sided p-value.' })
  p!: number;

  @Field(() => Int, { description: 'Faces modelA got right and modelB wrong.' })
  b!: number;

  @Field(() => Int, { description: 'Faces modelA got wrong and modelB right.' })
  c!: number;

  @Field(() => Int, { description: 'Paired faces with a gold label in labelSet.' })
  n!: number;
}
