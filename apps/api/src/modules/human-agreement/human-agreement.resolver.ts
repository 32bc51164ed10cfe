import { Args, Extensions, Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { AgreementArgs, resampleComplexity } from '../agreement/dto/agreement.args.js';
import { HumanAgreementType } from './dto/human-agreement.type.js';
import type { HumanAgreementService } from './human-agreement.service.js';

@Resolver(() => HumanAgreementType)
export class HumanAgreementResolver {
  constructor(private readonly service: Public<HumanAgreementService>) {}

  @Query(() => HumanAgreementType, {
    description:
      "People as raters, on a dataset with crowd votes (FER+): Fleiss' κ among the humans, among the models, and of the models " +
      'with the human majority; each model against the human majority; human vs model vote entropy per face and their correlation.',
    complexity: resampleComplexity(3),
  })
  // Three bootstraps: the models, the models with the majority, the humans.
  @Extensions({ bootstrapRuns: 3 })
  humanAgreement(@Args(() => AgreementArgs) { dataset, models, labelSet, resamples, seed }: AgreementArgs): Promise<HumanAgreementType> {
    return this.service.humanAgreement(dataset, { models: models ?? undefined, labelSet: labelSet ?? undefined }, { resamples, seed });
  }
}
