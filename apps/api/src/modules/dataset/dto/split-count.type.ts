import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('SplitCount')
export class SplitCountType {
  @Field()
  split!: string;

  @Field(() => Int)
  count!: number;
}
