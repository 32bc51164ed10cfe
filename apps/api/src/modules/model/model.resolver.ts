import { Query, Resolver } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { ModelType } from './dto/model.type.js';
import type { ModelService } from './model.service.js';

@Resolver(() => ModelType)
export class ModelResolver {
  constructor(private readonly service: Public<ModelService>) {}

  @Query(() => [ModelType])
  models(): Promise<ModelType[]> {
    return this.service.list();
  }
}
