import { Args, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { DatasetType } from '../dataset/dto/dataset.type.js';
import { SlicesArgs } from './dto/slices.args.js';
import { SliceAttributeType, SlicesType } from './dto/slices.type.js';
import type { SliceService } from './slice.service.js';

@Resolver(() => SlicesType)
export class SliceResolver {
  constructor(private readonly service: Public<SliceService>) {}

  @Query(() => SlicesType, {
    description: "The dataset cut by an image attribute: per group each model's accuracy (Wilson CI) and the models' Fleiss κ (bootstrap CI), with n, and the largest gaps between groups.",
  })
  slices(@Args(() => SlicesArgs) { dataset, attribute, models, resamples, seed }: SlicesArgs): Promise<SlicesType> {
    return this.service.slices(dataset, attribute, models ?? undefined, { resamples, seed });
  }
}

/** Dataset.sliceAttributes, kept with the slices it offers. */
@Resolver(() => DatasetType)
export class DatasetSliceAttributesResolver {
  constructor(private readonly service: Pick<Public<SliceService>, 'attributes'>) {}

  @FieldResolver(() => [SliceAttributeType], { description: 'What slices accepts as attribute here: split and every scalar annotation, with its number of groups.' })
  sliceAttributes(@Root() dataset: DatasetType): Promise<SliceAttributeType[]> {
    return this.service.attributes(dataset.id);
  }
}
