import { Field, ID, ObjectType } from 'type-graphql';
import { EnsembleType } from './ensemble.type.js';

@ObjectType('Model', { description: 'A registered FER model and its card.' })
export class ModelType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field({ description: 'sha256 (hex) of the ONNX file.' })
  sha256!: string;

  @Field()
  architecture!: string;

  @Field()
  trainingData!: string;

  @Field()
  licence!: string;

  @Field()
  sourceUrl!: string;

  @Field(() => [String], { description: "The model's own class names, in output order." })
  labels!: string[];

  @Field(() => [String], { description: 'The canonical emotions the model can emit, in canonical order.' })
  emotions!: string[];

  @Field({ description: "One of ferbench's zoo models (packages/models/zoo/manifest.json; installed by `ferbench zoo install`), by id." })
  zoo!: boolean;

  @Field(() => EnsembleType, {
    nullable: true,
    description: 'Set when this is an ensemble: a virtual model whose predictions are computed from its members\' stored ones (null for a model that runs).',
  })
  ensemble!: EnsembleType | null;
}
