import { ArrayMinSize, ArrayUnique, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ImageFilterInput } from './image-filter.input.js';
import { ImageOrderInput } from './image-order.input.js';

export const MAX_IMAGES_PAGE = 100;

@ArgsType()
export class ImagesArgs {
  @Field(() => ID)
  dataset!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'The models whose votes make the agreement values (each once); left out: every model with predictions on the dataset.',
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'choose at least one model, or leave models out for every model run on the dataset' })
  @ArrayUnique({ message: 'a model may be chosen only once (twice would count its vote twice)' })
  models?: string[] | null;

  @Field(() => ImageFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ImageFilterInput | null;

  @Field(() => ImageOrderInput, { nullable: true, description: 'Default: by image id, ascending.' })
  @IsOptional()
  orderBy?: ImageOrderInput | null;

  @Field(() => Int, { defaultValue: 20, description: `Faces per page, 1 to ${MAX_IMAGES_PAGE}.` })
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_IMAGES_PAGE, { message: `first may be at most ${MAX_IMAGES_PAGE} (page through the rest with after)` })
  first!: number;

  @Field(() => String, { nullable: true, description: "The previous page's pageInfo.endCursor (same orderBy)." })
  @IsOptional()
  after?: string | null;
}
