import { Field, Int, ObjectType } from 'type-graphql';
import { ModelType } from '../../model/dto/model.type.js';
import { ImageEdgeType } from './image-edge.type.js';
import { PageInfoType } from './page-info.type.js';

@ObjectType('ImageConnection', { description: 'A page of faces of one dataset, filtered and ordered.' })
export class ImageConnectionType {
  @Field(() => [ImageEdgeType])
  edges!: ImageEdgeType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: 'Faces matching the filter, over all pages.' })
  totalCount!: number;

  @Field(() => [ModelType], { description: 'The models whose votes the agreement values count.' })
  models!: ModelType[];

  @Field(() => [String], { description: 'The canonical labels all of those models can emit, in canonical order: what votes count over.' })
  labelSet!: string[];
}
