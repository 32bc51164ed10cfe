import { Args, Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { RobustnessArgs } from './dto/robustness.args.js';
import { RobustnessType } from './dto/robustness.type.js';
import type { RobustnessService } from './robustness.service.js';

@Resolver(() => RobustnessType)
export class RobustnessResolver {
  constructor(private readonly service: Public<RobustnessService>) {}

  @Query(() => RobustnessType, {
    description:
      "Per perturbation (ferbench robustness run): Fleiss' κ among the models clean vs perturbed on the same faces, and each model's paired accuracy change and flip rate.",
  })
  robustness(@Args(() => RobustnessArgs) { dataset, models, perturbations }: RobustnessArgs): Promise<RobustnessType> {
    return this.service.robustness(dataset, models ?? undefined, perturbations ?? undefined);
  }
}
