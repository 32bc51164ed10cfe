import { Field, ID, ObjectType } from 'type-graphql';

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
}
