import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('LeaderboardEntry', {
  description:
    "One model's scores on a dataset's gold labels. Only faces whose gold label is in labelSet count; a prediction " +
    'outside labelSet is replaced by the most probable label inside it (what the model would say restricted to those labels).',
})
export class LeaderboardEntryType {
  /** Not a field: which dataset the entry scores, for the field resolvers that look it up in snapshots. */
  datasetId!: string;

  @Field(() => ModelType)
  model!: ModelType;

  @Field(() => Int, { description: 'Faces with a gold label in labelSet and a prediction by this model.' })
  n!: number;

  @Field(() => Float, { nullable: true })
  accuracy!: number | null;

  @Field(() => String, { nullable: true, description: 'Why accuracy is null.' })
  accuracyReason!: string | null;

  @Field(() => Float, { nullable: true, description: "Accuracy's 95% Wilson score interval, low end (null when n = 0)." })
  accuracyCiLow!: number | null;

  @Field(() => Float, { nullable: true, description: "Accuracy's 95% Wilson score interval, high end." })
  accuracyCiHigh!: number | null;

  @Field(() => Float, { nullable: true, description: "Cohen's κ of the model against the gold labels (chance-corrected accuracy), over the same faces." })
  kappa!: number | null;

  @Field(() => Float, { nullable: true, description: "κ's 95% CI, κ ∓ 1.96·SE (statsmodels' asymptotic SE), low end." })
  kappaCiLow!: number | null;

  @Field(() => Float, { nullable: true, description: "κ's 95% CI, high end." })
  kappaCiHigh!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean F1 over the labels of labelSet present in gold or predictions.' })
  macroF1!: number | null;

  @Field(() => String, { nullable: true, description: 'Why macroF1 is null.' })
  macroF1Reason!: string | null;

  @Field(() => [String], { description: "Canonical labels scored: the dataset's gold labels that the model can emit." })
  labelSet!: string[];
}
