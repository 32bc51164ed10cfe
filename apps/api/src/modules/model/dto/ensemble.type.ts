import { Field, ObjectType } from 'type-graphql';

@ObjectType('Ensemble', { description: "How an ensemble combines its members' stored predictions." })
export class EnsembleType {
  @Field({
    description:
      'mean: the average of the members\' probabilities over the labels all of them can emit, renormalised; vote: the most frequent label, ties to the higher summed probability, then canonical order.',
  })
  rule!: string;

  @Field(() => [String], { description: 'Member model ids; the ensemble\'s sha256 hashes its rule and their sha256s.' })
  members!: string[];

  @Field({ description: 'Built in (zoo-mean, zoo-vote): its members are the registered zoo models.' })
  builtin!: boolean;
}
