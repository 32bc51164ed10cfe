import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

@InputType('SubmitModelInput')
export class SubmitModelInput {
  @Field(() => ID, { description: 'The id POST /model-uploads answered with.' })
  uploadId!: string;

  @Field(() => GraphQLJSONObject, {
    description:
      'The model card (the shape of packages/models/zoo/cards/*.json). sha256 must be the uploaded file\'s; "file" is ' +
      'set by the server. The card is checked against the ONNX graph: input name, layout and size, output name and label count.',
  })
  card!: Record<string, unknown>;
}
