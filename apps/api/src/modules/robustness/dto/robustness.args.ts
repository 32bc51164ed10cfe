import { ArrayMinSize, ArrayUnique, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { DEFAULT_RESAMPLES, DEFAULT_SEED, MAX_RESAMPLES } from '../../agreement/dto/agreement.args.js';

@ArgsType()
export class RobustnessArgs {
  @Field(() => ID)
  dataset!: string;

  @Field(() => [ID], { nullable: true, description: 'The models (at least two, each once); left out: every model with predictions on the dataset.' })
  @IsOptional()
  @ArrayMinSize(2, { message: 'choose at least two models (κ needs two raters), or leave models out for every model run on the dataset' })
  @ArrayUnique({ message: 'a model may be chosen only once' })
  models?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Perturbations as `name(k=v, …)` (any spelling `ferbench robustness list` accepts; answered under the canonical name); left out: every one stored for the dataset.',
  })
  @IsOptional()
  @ArrayUnique({ message: 'a perturbation may be asked for only once' })
  perturbations?: string[] | null;

  @Field(() => Int, {
    defaultValue: DEFAULT_RESAMPLES,
    description: `Bootstrap resamples of the faces for the κ CIs, one paired bootstrap per perturbation (0: no CIs; at most ${MAX_RESAMPLES}).`,
  })
  @Min(0, { message: 'resamples must be 0 (no CIs) or more' })
  @Max(MAX_RESAMPLES, { message: `at most ${MAX_RESAMPLES} resamples` })
  resamples!: number;

  @Field(() => Int, { defaultValue: DEFAULT_SEED, description: 'Seed of the bootstrap: the same seed gives the same CIs.' })
  seed!: number;
}
