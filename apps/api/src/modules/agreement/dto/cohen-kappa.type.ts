import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('CohenKappa', {
  description:
    "Cohen's κ of two models over the faces both rated, with the asymptotic SE and CI of statsmodels cohens_kappa; " +
    'z and p test κ = 0.',
})
export class CohenKappaType {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Why value is null.' })
  reason!: string | null;

  @Field(() => Int, { description: 'Faces both models rated.' })
  n!: number;

  @Field(() => Float, { nullable: true })
  se!: number | null;

  @Field(() => Float, { nullable: true })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh!: number | null;

  @Field(() => Float, { description: 'Confidence level of the CI.' })
  ciLevel!: number;

  @Field(() => Float, { nullable: true })
  z!: number | null;

  @Field(() => Float, { nullable: true, description: 'Two-sided p-value of z.' })
  p!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the n faces on which both gave the same label.' })
  observedAgreement!: number | null;
}
