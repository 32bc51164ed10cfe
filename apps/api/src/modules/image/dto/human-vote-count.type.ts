import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('HumanVoteCount', { description: 'How many crowd annotators gave one answer for a face.' })
export class HumanVoteCountType {
  @Field({ description: 'A human vote category: a canonical emotion, "unknown" or "not-a-face".' })
  category!: string;

  @Field(() => Int)
  votes!: number;
}
