import { Field, ID, InputType } from 'type-graphql';

@InputType('CreateEnsembleInput')
export class CreateEnsembleInput {
  @Field(() => ID, { description: "The ensemble's model id: lowercase letters, digits, '.', '_' or '-'." })
  id!: string;

  @Field(() => [ID], { description: 'At least 2 registered models, none an ensemble.' })
  models!: string[];

  @Field({ description: '"mean" or "vote".' })
  rule!: string;
}
