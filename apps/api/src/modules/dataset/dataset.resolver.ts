import { Arg, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Public } from '../../container/public.js';
import type { DatasetService } from './dataset.service.js';
import { DatasetType } from './dto/dataset.type.js';
import { SplitCountType } from './dto/split-count.type.js';

@Resolver(() => DatasetType)
export class DatasetResolver {
  constructor(private readonly service: Public<DatasetService>) {}

  @Query(() => [DatasetType])
  datasets(): Promise<DatasetType[]> {
    return this.service.list();
  }

  @Query(() => DatasetType, { nullable: true, description: 'null when there is no dataset with this id.' })
  dataset(@Arg('id', () => ID) id: string): Promise<DatasetType | null> {
    return this.service.find(id);
  }

  @FieldResolver(() => Int)
  imageCount(@Root() dataset: DatasetType): Promise<number> {
    return this.service.imageCount(dataset.id);
  }

  @FieldResolver(() => [SplitCountType], { description: 'Images per split, by split name.' })
  splits(@Root() dataset: DatasetType): Promise<SplitCountType[]> {
    return this.service.splits(dataset.id);
  }

  @FieldResolver(() => String, {
    description: 'Provenance of the images: sha256 (hex) of their sha256s sorted ascending, each followed by "\\n".',
  })
  dataSha256(@Root() dataset: DatasetType): Promise<string> {
    return this.service.dataSha256(dataset.id);
  }
}
