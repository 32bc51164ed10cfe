import { Args, Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import type { AgreementService } from './agreement.service.js';
import { AgreementArgs } from './dto/agreement.args.js';
import { AgreementType } from './dto/agreement.type.js';

@Resolver(() => AgreementType)
export class AgreementResolver {
  constructor(private readonly service: Public<AgreementService>) {}

  @Query(() => AgreementType, { description: 'Agreement between models on the faces of a dataset (Fleiss κ).' })
  agreement(@Args(() => AgreementArgs) { dataset, models }: AgreementArgs): Promise<AgreementType> {
    return this.service.agreement(dataset, models ?? undefined);
  }
}
