import { Field, ID, ObjectType } from 'type-graphql';

/** imageCount, splits and dataSha256 are computed on demand by DatasetResolver's field resolvers. */
@ObjectType('Dataset', { description: 'A labelled set of face images imported by the runner.' })
export class DatasetType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Layout the importer read (e.g. "fer2013-folders", "rafdb-basic").' })
  format!: string;
}
