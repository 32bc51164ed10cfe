import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('EnsembleDataset')
export class EnsembleDatasetType {
  @Field(() => ID)
  datasetId!: string;

  @Field(() => Int, { description: 'Faces every member predicted: the ensemble predicts exactly those.' })
  faces!: number;
}

@ObjectType('EnsembleCreated')
export class EnsembleCreatedType {
  @Field(() => ModelType)
  model!: ModelType;

  @Field(() => [EnsembleDatasetType], { description: 'Datasets every member predicted, where the ensemble now has predictions.' })
  datasets!: EnsembleDatasetType[];
}
