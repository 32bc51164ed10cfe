import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { MajorityType } from './majority.type.js';

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

  @Field(() => Int, { description: 'Models with a prediction for this face: the votes below are over their labels.' })
  votes!: number;

  @Field(() => MajorityType, { nullable: true, description: 'null: no model has voted yet.' })
  majority!: MajorityType | null;

  @Field(() => Float, { nullable: true, description: 'Entropy of the votes in bits (0: all agree); null without votes.' })
  entropyBits!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Fleiss' P_i: the share of ordered pairs of models that agree; null with fewer than two votes.",
  })
  pI!: number | null;
}
