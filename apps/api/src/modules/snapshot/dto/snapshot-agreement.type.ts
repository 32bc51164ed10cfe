import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('SnapshotAgreement', { description: "Fleiss' κ of a snapshot's models on one dataset, as it was frozen." })
export class SnapshotAgreementType {
  @Field(() => ID)
  snapshotId!: string;

  @Field()
  dataSha256!: string;

  @Field(() => [ID])
  models!: string[];

  @Field(() => Int)
  nFaces!: number;

  @Field(() => Int)
  nRaters!: number;

  @Field(() => [String])
  labelSet!: string[];

  @Field(() => Float, { nullable: true })
  fleissKappa!: number | null;

  @Field(() => Float, { nullable: true })
  se!: number | null;

  @Field(() => Float, { nullable: true })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true })
  ciHigh!: number | null;

  @Field(() => Float)
  ciLevel!: number;

  @Field(() => Int)
  resamples!: number;

  @Field(() => Int)
  seed!: number;

  @Field(() => String, { nullable: true, description: 'Why κ is null.' })
  reason!: string | null;
}
