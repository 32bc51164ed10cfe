import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { EstimateType } from '../../agreement/dto/estimate.type.js';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('PairedAccuracyChange', {
  description:
    "A model's accuracy under a perturbation minus its clean accuracy on the same faces (those with a gold label in labelSet), " +
    'with a paired 95% normal CI on the per-face differences ([perturbed correct] − [clean correct]).',
})
export class PairedAccuracyChangeType {
  @Field(() => Float, { nullable: true, description: 'perturbed − clean.' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'Why value is null.' })
  reason!: string | null;

  @Field(() => Int, { description: 'Faces with a gold label counted.' })
  n!: number;

  @Field(() => Float, { nullable: true })
  clean!: number | null;

  @Field(() => Float, { nullable: true })
  perturbed!: number | null;

  @Field(() => Float, { nullable: true, description: 'SD of the per-face differences over √n.' })
  se!: number | null;

  @Field(() => Float, { nullable: true })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh!: number | null;
}

@ObjectType('FlipRate', { description: 'The share of faces whose label changed under the perturbation, with its 95% Wilson interval.' })
export class FlipRateType {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Int)
  flips!: number;

  @Field(() => Int)
  n!: number;

  @Field(() => Float, { nullable: true })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh!: number | null;
}

@ObjectType('ModelUnderPerturbation')
export class ModelUnderPerturbationType {
  @Field(() => ID)
  modelId!: string;

  @Field(() => PairedAccuracyChangeType)
  accuracy!: PairedAccuracyChangeType;

  @Field(() => FlipRateType)
  flips!: FlipRateType;
}

@ObjectType('KappaValue', {
  implements: EstimateType,
  description:
    "Fleiss' κ among the models on a perturbation's faces (se: irr's, under H0: κ = 0), or the change Δκ (no se), with a seeded percentile " +
    'bootstrap CI over those faces; the CIs of κ clean, κ perturbed and Δκ come from the same resamples, each drawn face taken clean and ' +
    'perturbed together, so the Δκ CI is paired.',
})
export class KappaValueType extends EstimateType {}

@ObjectType('PerturbationRobustness', { description: 'One perturbation on one dataset: every number over the same faces.' })
export class PerturbationRobustnessType {
  @Field({ description: 'Canonical name, e.g. "blur(sigma=2)".' })
  perturbation!: string;

  @Field(() => Int, { description: 'Faces every model predicted both clean and under the perturbation.' })
  nFaces!: number;

  @Field(() => KappaValueType, { description: 'κ among the models on these faces, clean.' })
  kappaClean!: KappaValueType;

  @Field(() => KappaValueType, { description: 'κ among the models on these faces, perturbed.' })
  kappa!: KappaValueType;

  @Field(() => KappaValueType, { description: 'κ perturbed − κ clean, with its paired bootstrap CI (the same faces resampled for both).' })
  deltaKappa!: KappaValueType;

  @Field(() => [ModelUnderPerturbationType], { description: 'One entry per model, in models order.' })
  models!: ModelUnderPerturbationType[];
}

@ObjectType('Robustness', { description: 'How far each model moves and the models’ agreement falls under perturbations of the same faces.' })
export class RobustnessType {
  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field({ description: 'Content hash of the dataset (as Dataset.dataSha256).' })
  dataSha256!: string;

  @Field(() => [ModelType])
  models!: ModelType[];

  @Field(() => [String], { description: 'Labels every model can emit; predictions outside it are restricted to it.' })
  labelSet!: string[];

  @Field(() => [PerturbationRobustnessType])
  perturbations!: PerturbationRobustnessType[];
}
