import { Args, Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { ImageConnectionType } from './dto/image-connection.type.js';
import { ImagesArgs } from './dto/images.args.js';
import type { ExploreService } from './explore.service.js';

@Resolver()
export class ExploreResolver {
  constructor(private readonly service: Public<ExploreService>) {}

  @Query(() => ImageConnectionType, {
    description: "Browse a dataset's faces: filter by labels, disagreement, entropy or duplicate files; sort by agreement; page with first/after.",
    complexity: ({ args, childComplexity }) => 1 + ((args as { first?: number }).first ?? 20) * childComplexity,
  })
  images(@Args(() => ImagesArgs) args: ImagesArgs): Promise<ImageConnectionType> {
    return this.service.images(args);
  }
}
