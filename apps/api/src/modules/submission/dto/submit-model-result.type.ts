import { Field, ObjectType } from 'type-graphql';
import { SubmissionType } from './submission.type.js';

@ObjectType('SubmitModelResult')
export class SubmitModelResultType {
  @Field(() => SubmissionType)
  submission!: SubmissionType;

  @Field({ description: 'true: this file had been submitted already; that submission is returned and nothing new is queued.' })
  deduplicated!: boolean;
}
