import { ArrayMinSize, ArrayUnique, IsOptional } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class RatingCorrelationArgs {
  @Field(() => ID)
  dataset!: string;

  @Field(() => [ID], { nullable: true, description: 'The models to compare with the ratings; left out: every model with predictions on the dataset.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'choose at least one model, or leave models out for every model run on the dataset' })
  @ArrayUnique({ message: 'a model may be chosen only once' })
  models?: string[] | null;
}
