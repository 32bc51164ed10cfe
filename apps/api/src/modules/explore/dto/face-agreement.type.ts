import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MajorityType } from '../../image/dto/majority.type.js';

@ObjectType('FaceAgreement', {
  description:
    "How the connection's models voted on one face, each prediction restricted to the connection's labelSet (the " +
    'most probable label inside it when the model chose one outside); human votes where the dataset has them.',
})
export class FaceAgreementType {
  @Field(() => Int, { description: "The connection's models that predicted this face." })
  votes!: number;

  @Field(() => [Int], { description: "Votes per label, in the order of the connection's labelSet." })
  voteCounts!: number[];

  @Field(() => MajorityType, { nullable: true, description: 'null: no vote.' })
  majority!: MajorityType | null;

  @Field(() => Float, { nullable: true, description: 'Vote entropy −Σ p log₂ p in bits; null: no votes.' })
  entropyBits!: number | null;

  @Field(() => Float, { nullable: true, description: "Fleiss' P_i: the share of agreeing pairs of votes; null with fewer than two votes." })
  pI!: number | null;

  @Field(() => Int, { description: 'Human votes for this face (0 where the dataset has none).' })
  humanVotes!: number;

  @Field(() => Float, { nullable: true, description: 'Entropy of the human votes in bits; null without human votes.' })
  humanEntropyBits!: number | null;

  @Field(() => Int, { description: 'Images (in any dataset) with the same file (sha256), this one included.' })
  sameFileCount!: number;
}
