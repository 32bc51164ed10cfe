import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Public } from '../../container/public.js';
import type { RequestContext } from '../../server/request-context.js';
import { ModelType } from '../model/dto/model.type.js';
import type { ModelService } from '../model/model.service.js';
import { SubmissionProgressType } from './dto/submission-progress.type.js';
import { SubmissionType } from './dto/submission.type.js';
import { SubmissionsArgs } from './dto/submissions.args.js';
import { SubmitModelInput } from './dto/submit-model.input.js';
import { SubmitModelResultType } from './dto/submit-model-result.type.js';
import { toSubmissionType } from './submission.mapper.js';
import type { SubmissionService } from './submission.service.js';

@Resolver(() => SubmissionType)
export class SubmissionResolver {
  constructor(
    private readonly service: Public<SubmissionService>,
    private readonly models: Pick<ModelService, 'getMany'>,
  ) {}

  @Mutation(() => SubmitModelResultType, {
    description:
      'Step 2 of a submission (needs "Authorization: Bearer <token>"): checks the card against the file uploaded in ' +
      'step 1 (POST /model-uploads), registers the model and queues it for every dataset. A rejected submission keeps nothing.',
  })
  async submitModel(@Arg('input', () => SubmitModelInput) input: SubmitModelInput, @Ctx() context: RequestContext): Promise<SubmitModelResultType> {
    const { submission, deduplicated } = await this.service.submit(context.authorization, input.uploadId, input.card);
    return { submission: toSubmissionType(submission), deduplicated };
  }

  @Query(() => SubmissionType, { nullable: true, description: 'null when there is no submission with this id.' })
  async submission(@Arg('id', () => ID) id: string): Promise<SubmissionType | null> {
    const row = await this.service.find(id);
    return row === null ? null : toSubmissionType(row);
  }

  @Query(() => [SubmissionType], { description: 'Submitted models, newest first.' })
  async submissions(@Args(() => SubmissionsArgs) args: SubmissionsArgs): Promise<SubmissionType[]> {
    const rows = await this.service.list({ status: args.status ?? undefined, before: args.before ?? undefined, limit: args.first });
    return rows.map(toSubmissionType);
  }

  @FieldResolver(() => ModelType, { description: 'The registered model.' })
  async model(@Root() submission: SubmissionType): Promise<ModelType> {
    return (await this.models.getMany([submission.modelId]))[0]!;
  }

  @FieldResolver(() => [SubmissionProgressType], { description: 'Work per dataset, by dataset id; empty until a worker has planned it.' })
  progress(@Root() submission: SubmissionType): Promise<SubmissionProgressType[]> {
    return this.service.progress(submission.id);
  }
}
