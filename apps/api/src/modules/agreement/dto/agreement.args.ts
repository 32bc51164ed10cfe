import { ArrayMinSize, ArrayUnique, IsOptional } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class AgreementArgs {
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
}
