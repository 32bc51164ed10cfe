import { ArrayMinSize, ArrayUnique, IsOptional } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

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
}
