import { IsOptional, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { SubmissionStatusEnum } from './submission-status.enum.js';

export const MAX_SUBMISSIONS_PAGE = 100;

@ArgsType()
export class SubmissionsArgs {
  @Field(() => SubmissionStatusEnum, { nullable: true, description: 'Only submissions in this state.' })
  @IsOptional()
  status?: SubmissionStatusEnum | null;

  @Field(() => Int, { defaultValue: 20, description: `At most this many, newest first (1 to ${MAX_SUBMISSIONS_PAGE}).` })
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_SUBMISSIONS_PAGE, { message: `first may be at most ${MAX_SUBMISSIONS_PAGE}` })
  first!: number;

  @Field(() => ID, { nullable: true, description: 'Only submissions older than this one (the id of the last one of the previous page).' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'before must be a submission id' })
  before?: string | null;
}
