import { Field, ID, ObjectType } from 'type-graphql';

/** url and predictions are field resolvers in ImageResolver. */
@ObjectType('Image', { description: 'One face of a dataset.' })
export class ImageType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  datasetId!: string;

  @Field({ description: "The face's key within its dataset (its file name in the source layout)." })
  key!: string;

  @Field()
  split!: string;

  @Field(() => String, { nullable: true, description: 'The canonical emotion the dataset labels this face with; null: unlabelled.' })
  goldLabel!: string | null;
}
