import { ArrayMinSize, ArrayUnique, IsOptional, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { DEFAULT_RESAMPLES, DEFAULT_SEED, MAX_RESAMPLES } from '../../agreement/dto/agreement.args.js';

@ArgsType()
export class SlicesArgs {
  @Field(() => ID)
  dataset!: string;

  @Field({ description: '`split`, or an annotation path with dots between keys (`subject`, `fer2013.label`); Dataset.sliceAttributes lists them.' })
  @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, { message: 'expected "split" or an annotation path such as "subject" or "fer2013.label" (letters, digits, _ and -, dots between keys)' })
  attribute!: string;

  @Field(() => [ID], { nullable: true, description: 'The models (each once); left out: every model with predictions on the dataset.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'choose at least one model, or leave models out for every model run on the dataset' })
  @ArrayUnique({ message: 'a model may be chosen only once (twice would count it as two raters)' })
  models?: string[] | null;

  @Field(() => Int, { defaultValue: DEFAULT_RESAMPLES, description: `Bootstrap resamples of each group's faces for the κ CIs (0: none; at most ${MAX_RESAMPLES}).` })
  @Min(0, { message: 'resamples must be 0 (no CIs) or more' })
  @Max(MAX_RESAMPLES, { message: `at most ${MAX_RESAMPLES} resamples` })
  resamples!: number;

  @Field(() => Int, { defaultValue: DEFAULT_SEED })
  seed!: number;
}
