import { Field, Float, ObjectType } from 'type-graphql';
import { CategoryKappaType } from './category-kappa.type.js';
import { EstimateType } from './estimate.type.js';

@ObjectType('FleissKappa', {
  implements: EstimateType,
  description:
    "Fleiss' κ over the faces every chosen model rated (complete cases, as R irr kappam.fleiss); se, z and p are irr's, " +
    'under the null hypothesis κ = 0; the CI is the bootstrap one.',
})
export class FleissKappaType extends EstimateType {
  @Field(() => Float, { nullable: true })
  z!: number | null;

  @Field(() => Float, { nullable: true, description: 'Two-sided p-value of z.' })
  p!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Landis & Koch band of value: poor, slight, fair, moderate, substantial, almost perfect.',
  })
  interpretation!: string | null;

  @Field(() => [CategoryKappaType], { description: 'κ of each label of labelSet, in labelSet order.' })
  perCategory!: CategoryKappaType[];
}
