import { Field, Int, ObjectType } from 'type-graphql';
import { CohenKappaType } from '../../agreement/dto/cohen-kappa.type.js';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { ModelType } from '../../model/dto/model.type.js';
import { AccuracyType } from './accuracy.type.js';
import { McNemarType } from './mcnemar.type.js';

@ObjectType('Comparison', {
  description:
    'Two models on the faces of a dataset both predicted, labels restricted to labelSet as in Agreement. Accuracies and ' +
    "McNemar's test use the paired faces whose gold label is in labelSet.",
})
export class ComparisonType {
  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field(() => ModelType)
  modelA!: ModelType;

  @Field(() => ModelType)
  modelB!: ModelType;

  @Field(() => [String], { description: 'The canonical labels compared over, in canonical order.' })
  labelSet!: string[];

  @Field(() => Int, { description: 'Faces both models predicted.' })
  nFaces!: number;

  @Field(() => Int, { description: 'Of those, faces on which their labels differ.' })
  nDiffer!: number;

  @Field(() => CohenKappaType, { description: "Cohen's κ between the two over the nFaces faces." })
  kappa!: CohenKappaType;

  @Field(() => AccuracyType)
  accuracyA!: AccuracyType;

  @Field(() => AccuracyType)
  accuracyB!: AccuracyType;

  @Field(() => McNemarType)
  mcnemar!: McNemarType;
}
