import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Public } from '../../container/public.js';
import type { RequestContext } from '../../server/request-context.js';
import { HumanVoteCountType } from './dto/human-vote-count.type.js';
import { ImageType } from './dto/image.type.js';
import { PredictionType } from './dto/prediction.type.js';
import { imagePath } from './image-file.route.js';
import type { ImageService } from './image.service.js';

@Resolver(() => ImageType)
export class ImageResolver {
  constructor(private readonly service: Public<ImageService>) {}

  @Query(() => ImageType, { nullable: true, description: 'null when there is no image with this id.' })
  image(@Arg('id', () => ID) id: string): Promise<ImageType | null> {
    return this.service.find(id);
  }

  @FieldResolver(() => String, { description: 'Absolute URL of the image file (GET /images/:id).' })
  url(@Root() image: ImageType, @Ctx() context: RequestContext): string {
    return new URL(imagePath(image.id), context.origin).toString();
  }

  @FieldResolver(() => Boolean, { description: "Whether url serves only API token holders, or nobody (the dataset's terms; Dataset.imagesPrivate)." })
  imagePrivate(@Root() image: ImageType): boolean {
    return this.service.imagesPrivate(image.datasetId);
  }

  @FieldResolver(() => [PredictionType], { description: "Every model's prediction for this face, by model id." })
  predictions(@Root() image: ImageType): Promise<PredictionType[]> {
    return this.service.predictions(image.id);
  }

  @FieldResolver(() => [HumanVoteCountType], {
    description: 'Crowd votes for this face (FER+), one entry per human vote category in HUMAN_VOTE_CATEGORIES order (the emotions, unknown, not-a-face), zeros included; empty where the face has none.',
  })
  humanVotes(@Root() image: ImageType): Promise<HumanVoteCountType[]> {
    return this.service.humanVotes(image.id);
  }
}
