import { Args, Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import type { ComparisonService } from './comparison.service.js';
import { CompareArgs } from './dto/compare.args.js';
import { ComparisonType } from './dto/comparison.type.js';

@Resolver(() => ComparisonType)
export class ComparisonResolver {
  constructor(private readonly service: Public<ComparisonService>) {}

  @Query(() => ComparisonType, {
    description: "Two models head to head on a dataset: accuracies, Cohen's κ between them, McNemar's test, faces where they differ.",
  })
  compare(@Args(() => CompareArgs) { modelA, modelB, dataset, labelSet }: CompareArgs): Promise<ComparisonType> {
    return this.service.compare(modelA, modelB, dataset, labelSet ?? undefined);
  }
}
