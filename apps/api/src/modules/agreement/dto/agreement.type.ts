import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { ModelType } from '../../model/dto/model.type.js';
import { CoefficientType } from './coefficient.type.js';
import { FleissKappaType } from './fleiss-kappa.type.js';

@ObjectType('Agreement', {
  description:
    'How much the chosen models agree on the faces of a dataset, with each model as one rater. Agreement is computed over ' +
    'labelSet; a prediction outside it is replaced by the most probable label inside it (what the model would say restricted ' +
    'to those labels), so no face is dropped for it. The faces are those at least one chosen model rated; each statistic says ' +
    'which of them it uses (n).',
})
export class AgreementType {
  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field(() => [ModelType])
  models!: ModelType[];

  @Field(() => Int, { description: 'Faces every chosen model predicted.' })
  nFaces!: number;

  @Field(() => Int, { description: 'Raters per face: the number of chosen models.' })
  nRaters!: number;

  @Field(() => [String], { description: 'The canonical labels agreement is computed over, in canonical order.' })
  labelSet!: string[];

  @Field(() => FleissKappaType, { description: "Fleiss' κ over the nFaces faces every chosen model rated." })
  fleiss!: FleissKappaType;

  @Field(() => CoefficientType, {
    description: "Krippendorff's α (nominal) over the faces with at least two ratings, missing ratings allowed; no analytic se.",
  })
  krippendorffAlpha!: CoefficientType;

  @Field(() => CoefficientType, {
    description:
      "Gwet's AC1 with q = the labels of labelSet over every face with a rating (p_a from those with two or more), with " +
      'its analytic se (irrCAC gwet.ac1.raw).',
  })
  gwetAc1!: CoefficientType;

  @Field(() => CoefficientType, {
    description: 'Share (0–1) of the nFaces faces on which every chosen model gave the same label; no analytic se.',
  })
  percentAgreement!: CoefficientType;

  @Field(() => Float, { nullable: true, description: 'fleiss.value, kept for existing clients.' })
  fleissKappa!: number | null;

  @Field(() => String, { nullable: true, description: 'fleiss.reason, kept for existing clients.' })
  fleissKappaReason!: string | null;

  @Field(() => String, { nullable: true, description: 'fleiss.interpretation, kept for existing clients.' })
  interpretation!: string | null;
}
