import { ArrayMinSize, ArrayUnique, IsOptional } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { LabelSetField } from './label-set.field.js';

/** Which faces, raters and labels: the arguments every multi-rater query shares. */
@ArgsType()
export class RatersArgs {
  @Field(() => ID)
  dataset!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'The models to compare (at least two, each once); left out: every model with predictions on the dataset.',
  })
  @IsOptional()
  @ArrayMinSize(2, { message: 'choose at least two models, or leave models out to compare every model run on the dataset' })
  @ArrayUnique({ message: 'a model may be chosen only once (twice would count it as two raters)' })
  models?: string[] | null;

  @LabelSetField()
  labelSet?: string[] | null;
}
