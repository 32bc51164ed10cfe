import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { ModelType } from '../../model/dto/model.type.js';
import { ClassMetricsType } from './class-metrics.type.js';

@ObjectType('Confusion', {
  description:
    "One model's confusion matrix on a dataset's gold labels, with per-label precision, recall and F1. Scored as on " +
    'the leaderboard: faces whose gold label is in labelSet, predictions outside it replaced by the most probable label inside it.',
})
export class ConfusionType {
  @Field(() => ModelType)
  model!: ModelType;

  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field(() => [String], { description: "The dataset's gold labels that the model can emit, in canonical order: the matrix's rows and columns." })
  labelSet!: string[];

  @Field(() => [[Int]], { description: 'matrix[g][p]: faces with gold label labelSet[g] that the model labelled labelSet[p].' })
  matrix!: number[][];

  @Field(() => Int, { description: 'Faces counted.' })
  n!: number;

  @Field(() => Float, { nullable: true })
  accuracy!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean F1 over the labels present in gold or predictions.' })
  macroF1!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean recall over the labels present in gold.' })
  balancedAccuracy!: number | null;

  @Field(() => String, { nullable: true, description: 'Why accuracy, macroF1 and balancedAccuracy are null (no faces counted).' })
  reason!: string | null;

  @Field(() => [ClassMetricsType], { description: 'One row per label of labelSet.' })
  perClass!: ClassMetricsType[];
}
