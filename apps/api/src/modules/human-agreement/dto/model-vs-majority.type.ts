import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CohenKappaType } from '../../agreement/dto/cohen-kappa.type.js';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('ModelVsHumanMajority', {
  description:
    'One model against the human majority label (the dataset’s gold label, e.g. FER+’s majority protocol) over the faces ' +
    'whose majority is in labelSet, the model’s label restricted to labelSet.',
})
export class ModelVsMajorityType {
  @Field(() => ModelType)
  model!: ModelType;

  @Field(() => Int, { description: 'Faces with a human majority in labelSet that the model rated.' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Share of the n faces where the model says the human majority label.' })
  accuracy!: number | null;

  @Field(() => Float, { nullable: true, description: 'Binomial standard error of accuracy, √(a(1 − a)/n).' })
  accuracySe!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound of the 95% Wilson score interval of accuracy.' })
  accuracyCiLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound of the 95% Wilson score interval of accuracy.' })
  accuracyCiHigh!: number | null;

  @Field(() => CohenKappaType, { description: 'Cohen’s κ of the model and the human majority, with its asymptotic SE and CI.' })
  kappa!: CohenKappaType;
}
