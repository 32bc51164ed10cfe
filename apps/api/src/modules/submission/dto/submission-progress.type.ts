import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('SubmissionProgress', { description: "A submission's work on one dataset." })
export class SubmissionProgressType {
  @Field(() => ID)
  datasetId!: string;

  @Field(() => Int, { description: 'Faces of the dataset.' })
  images!: number;

  @Field(() => Int, { description: 'Faces predicted so far (counted when a chunk finishes).' })
  predicted!: number;

  @Field(() => Int, { description: 'Faces that could not be predicted (e.g. an undecodable file).' })
  failed!: number;

  @Field(() => Int, { description: 'Jobs the dataset was split into.' })
  chunks!: number;

  @Field(() => Int)
  chunksDone!: number;
}
