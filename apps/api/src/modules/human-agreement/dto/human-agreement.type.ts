import { Field, Int, ObjectType } from 'type-graphql';
import { FleissKappaType } from '../../agreement/dto/fleiss-kappa.type.js';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { ModelType } from '../../model/dto/model.type.js';
import { EntropyComparisonType } from './entropy-comparison.type.js';
import { ModelVsMajorityType } from './model-vs-majority.type.js';

@ObjectType('HumanAgreement', {
  description:
    'People as raters: how much the crowd annotators of a dataset (e.g. FER+’s 10 votes per face) agree with each other, how ' +
    'much the models agree, and how the models compare with the human majority.',
})
export class HumanAgreementType {
  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field(() => [ModelType])
  models!: ModelType[];

  @Field(() => [String], { description: 'The canonical labels the models are compared over (every label all of them can emit, unless chosen).' })
  labelSet!: string[];

  @Field(() => [String], { description: 'What a human vote can say: the canonical emotions, unknown and not-a-face.' })
  humanCategories!: string[];

  @Field(() => Int, { description: 'Faces with human votes.' })
  votedFaces!: number;

  @Field(() => Int, { description: 'Votes per face (the most any face has); faces with fewer are left out of humans.' })
  votesPerFace!: number;

  @Field(() => FleissKappaType, {
    description:
      'Fleiss’ κ among the humans over humanCategories, each face’s votes as its ratings. Fleiss’ κ, not Cohen’s or a ' +
      'fixed-rater coefficient: each face was rated by its own set of annotators, not by the same people.',
  })
  humans!: FleissKappaType;

  @Field(() => FleissKappaType, { description: 'Fleiss’ κ among the models over labelSet (as agreement(dataset, models, labelSet).fleiss).' })
  modelsKappa!: FleissKappaType;

  @Field(() => [ModelVsMajorityType], { description: 'Each model against the human majority label.' })
  modelsVsMajority!: ModelVsMajorityType[];

  @Field(() => FleissKappaType, {
    description: 'Fleiss’ κ of the models plus the human majority label as one more rater, over the faces whose majority is in labelSet.',
  })
  modelsAndMajority!: FleissKappaType;

  @Field(() => EntropyComparisonType)
  entropy!: EntropyComparisonType;
}
