import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { DatasetType } from '../dataset/dto/dataset.type.js';
import type { ImageService } from './image.service.js';

/** Dataset.imagesPrivate, kept with the image route whose door it describes. */
@Resolver(() => DatasetType)
export class DatasetImagesResolver {
  constructor(private readonly service: Pick<Public<ImageService>, 'imagesPrivate'>) {}

  @FieldResolver(() => Boolean, {
    description:
      "Whether the dataset's terms keep its image bytes private on this server (FERBENCH_PRIVATE_IMAGES): GET /images/:id then serves them only to API token holders, or to nobody. Labels, votes and statistics stay public.",
  })
  imagesPrivate(@Root() dataset: DatasetType): boolean {
    return this.service.imagesPrivate(dataset.id);
  }
}
