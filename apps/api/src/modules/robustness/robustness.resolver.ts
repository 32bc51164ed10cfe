import { Args, Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { resampleComplexity } from '../agreement/dto/agreement.args.js';
import { RobustnessArgs } from './dto/robustness.args.js';
import { RobustnessType } from './dto/robustness.type.js';
import type { RobustnessService } from './robustness.service.js';

@Resolver(() => RobustnessType)
export class RobustnessResolver {
  constructor(private readonly service: Public<RobustnessService>) {}

  @Query(() => RobustnessType, {
    description:
      "Per perturbation (ferbench robustness run): Fleiss' κ among the models clean vs perturbed on the same faces with bootstrap CIs and a paired CI for Δκ, and each model's paired accuracy change and flip rate.",
    complexity: resampleComplexity(1),
  })
  robustness(@Args(() => RobustnessArgs) { dataset, models, perturbations, resamples, seed }: RobustnessArgs): Promise<RobustnessType> {
    return this.service.robustness(dataset, models ?? undefined, perturbations ?? undefined, { resamples, seed, level: 0.95 });
  }
}
