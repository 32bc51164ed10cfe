import { Field, ObjectType } from 'type-graphql';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { ModelType } from '../../model/dto/model.type.js';
import { RaterPairType } from './rater-pair.type.js';

@ObjectType('PairwiseAgreement', {
  description: 'Cohen κ of every pair of the chosen models, each over the faces both rated, labels restricted to labelSet as in Agreement.',
})
export class PairwiseType {
  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field(() => [ModelType])
  models!: ModelType[];

  @Field(() => [String], { description: 'The canonical labels κ is computed over, in canonical order.' })
  labelSet!: string[];

  @Field(() => [RaterPairType], {
    description: 'One entry per unordered pair, modelA before modelB in the order of models: the upper triangle of the κ matrix.',
  })
  pairs!: RaterPairType[];
}
