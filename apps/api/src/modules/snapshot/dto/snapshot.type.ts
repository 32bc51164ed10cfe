import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('SnapshotDataset')
export class SnapshotDatasetType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  imageCount!: number;

  @Field()
  dataSha256!: string;
}

@ObjectType('SnapshotModel')
export class SnapshotModelType {
  @Field(() => ID)
  id!: string;

  @Field()
  sha256!: string;
}

@ObjectType('SnapshotFile')
export class SnapshotFileType {
  @Field()
  path!: string;

  @Field()
  table!: string;

  @Field()
  format!: string;

  @Field(() => Int)
  rows!: number;

  @Field()
  sha256!: string;
}

/** leaderboard and agreement are resolved per dataset by SnapshotResolver. */
@ObjectType('Snapshot', {
  description: 'Results frozen by `ferbench snapshot create`: an export named by the hash of its manifest (every file\'s sha256, the datasets\' and models\' hashes).',
})
export class SnapshotType {
  @Field(() => ID, { description: "The first 16 hex digits of contentSha256." })
  id!: string;

  @Field({ description: "sha256 of the manifest's content." })
  contentSha256!: string;

  @Field()
  createdAt!: Date;

  @Field({ description: 'ferbench version that wrote it.' })
  ferbenchVersion!: string;

  @Field(() => String, { nullable: true, description: 'git commit of the ferbench checkout that wrote it.' })
  ferbenchCommit!: string | null;

  @Field(() => [SnapshotDatasetType])
  datasets!: SnapshotDatasetType[];

  @Field(() => [SnapshotModelType])
  models!: SnapshotModelType[];

  @Field(() => [SnapshotFileType])
  files!: SnapshotFileType[];
}
