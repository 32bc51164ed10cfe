import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { SubmissionStatusEnum } from './submission-status.enum.js';

/** model and progress are field resolvers in SubmissionResolver. */
@ObjectType('Submission', { description: 'A model submitted through the API, and how far the workers have got with it.' })
export class SubmissionType {
  @Field(() => ID)
  id!: string;

  @Field(() => SubmissionStatusEnum)
  status!: SubmissionStatusEnum;

  @Field(() => ID, { description: 'The id the model is registered under (from its card).' })
  modelId!: string;

  @Field({ description: 'sha256 (hex) of the ONNX file; a file is accepted once.' })
  sha256!: string;

  @Field(() => GraphQLJSONObject, { description: 'The model card as registered.' })
  card!: Record<string, unknown>;

  @Field({ description: 'What the workers did, one line per step, oldest first.' })
  log!: string;

  @Field(() => String, { nullable: true, description: 'Why the submission failed; null unless status is FAILED.' })
  reason!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}
