import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import type { RequestContext } from '../../server/request-context.js';
import { CreateEnsembleInput } from './dto/create-ensemble.input.js';
import { EnsembleCreatedType } from './dto/ensemble-created.type.js';
import type { EnsembleService } from './ensemble.service.js';

@Resolver()
export class EnsembleResolver {
  constructor(private readonly service: Public<EnsembleService>) {}

  @Mutation(() => EnsembleCreatedType, {
    description:
      'Needs "Authorization: Bearer <token>". Registers an ensemble of registered models (a virtual model: mean probability or majority vote of ' +
      "their stored predictions) and computes its predictions on every dataset all members predicted. It then appears on the leaderboards.",
  })
  createEnsemble(@Arg('input', () => CreateEnsembleInput) input: CreateEnsembleInput, @Ctx() context: RequestContext): Promise<EnsembleCreatedType> {
    return this.service.create(context.authorization, { id: input.id, rule: input.rule, members: input.models });
  }
}
