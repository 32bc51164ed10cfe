import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('SnapshotLeaderboardEntry', {
  description: "One model's scores on a dataset as a snapshot froze them (scored as the live leaderboard), with the hashes they came from.",
})
export class SnapshotLeaderboardEntryType {
  @Field(() => ID)
  snapshotId!: string;

  @Field({ description: 'When the snapshot was taken.' })
  snapshotCreatedAt!: Date;

  @Field(() => ID, { description: 'The model id (the model itself may have been removed since).' })
  modelId!: string;

  @Field({ description: 'sha256 of the model file the snapshot scored.' })
  modelSha256!: string;

  @Field({ description: "The dataset's content hash (Dataset.dataSha256) when the snapshot was taken." })
  dataSha256!: string;

  @Field(() => Int, { description: 'Place on the dataset leaderboard in the snapshot (1: best accuracy).' })
  rank!: number;

  @Field(() => Int)
  n!: number;

  @Field(() => Float, { nullable: true })
  accuracy!: number | null;

  @Field(() => Float, { nullable: true })
  macroF1!: number | null;

  @Field(() => [String])
  labelSet!: string[];
}
