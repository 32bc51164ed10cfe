import { Field, Float, Int, InterfaceType } from 'type-graphql';

/** An interface, so clients select the same fields of every statistic with one fragment. */
@InterfaceType('Estimate', {
  description:
    'A statistic over a set of faces, with the faces it used and a seeded percentile bootstrap CI that resamples faces. ' +
    'An undefined value is null with the reason, never NaN.',
})
export abstract class EstimateType {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Why value is null.' })
  reason!: string | null;

  @Field(() => Int, { description: 'Faces this statistic used (see each statistic for which).' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Analytic standard error where the statistic has one; null otherwise.' })
  se!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound of the bootstrap CI.' })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound of the bootstrap CI.' })
  ciHigh!: number | null;

  @Field(() => String, { nullable: true, description: 'Why ciLow and ciHigh are null.' })
  ciReason!: string | null;

  @Field(() => Float, { description: 'Confidence level of the CI.' })
  ciLevel!: number;

  @Field(() => Int, { description: 'Bootstrap resamples drawn (0: no CI was asked for).' })
  resamples!: number;

  @Field(() => Int, { description: 'Seed of the bootstrap.' })
  seed!: number;

  @Field(() => Int, { description: 'Resamples on which the statistic was undefined, left out of the percentiles.' })
  undefinedResamples!: number;
}
