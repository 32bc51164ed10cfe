import { Field, ObjectType } from 'type-graphql';

@ObjectType('Majority', { description: 'The label most models voted for.' })
export class MajorityType {
  @Field({ description: 'The most voted canonical emotion; on a tie, the earliest in canonical order.' })
  label!: string;

  @Field({ description: 'Whether another label has as many votes.' })
  tied!: boolean;

  @Field(() => [String], { description: 'Every label with the top count, in canonical order; empty without a tie.' })
  tiedLabels!: string[];
}
