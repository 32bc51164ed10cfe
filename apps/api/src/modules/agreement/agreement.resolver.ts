import { Args, Extensions, Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import type { AgreementService } from './agreement.service.js';
import { AgreementArgs, resampleComplexity } from './dto/agreement.args.js';
import { AgreementType } from './dto/agreement.type.js';
import { PairwiseType } from './dto/pairwise.type.js';
import { RatersArgs } from './dto/raters.args.js';

@Resolver(() => AgreementType)
export class AgreementResolver {
  constructor(private readonly service: Public<AgreementService>) {}

  @Query(() => AgreementType, {
    description: "Agreement between models on the faces of a dataset: Fleiss' κ, Krippendorff's α, Gwet's AC1, percent agreement.",
    complexity: resampleComplexity(1),
  })
  @Extensions({ bootstrapRuns: 1 })
  agreement(@Args(() => AgreementArgs) { dataset, models, labelSet, resamples, seed }: AgreementArgs): Promise<AgreementType> {
    return this.service.agreement(dataset, { models: models ?? undefined, labelSet: labelSet ?? undefined }, { resamples, seed });
  }

  @Query(() => PairwiseType, { description: "Cohen's κ of every pair of models on the faces of a dataset." })
  pairwise(@Args(() => RatersArgs) { dataset, models, labelSet }: RatersArgs): Promise<PairwiseType> {
    return this.service.pairwise(dataset, { models: models ?? undefined, labelSet: labelSet ?? undefined });
  }
}
