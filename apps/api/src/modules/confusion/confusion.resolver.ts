import { Arg, ID, Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import type { ConfusionService } from './confusion.service.js';
import { ConfusionType } from './dto/confusion.type.js';

@Resolver(() => ConfusionType)
export class ConfusionResolver {
  constructor(private readonly service: Public<ConfusionService>) {}

  @Query(() => ConfusionType, { description: "A model's confusion matrix and per-label precision, recall and F1 on a dataset." })
  confusion(@Arg('model', () => ID) model: string, @Arg('dataset', () => ID) dataset: string): Promise<ConfusionType> {
    return this.service.confusion(model, dataset);
  }
}
