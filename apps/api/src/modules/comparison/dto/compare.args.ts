import { ArgsType, Field, ID } from 'type-graphql';
import { LabelSetField } from '../../agreement/dto/label-set.field.js';

@ArgsType()
export class CompareArgs {
  @Field(() => ID)
  modelA!: string;

  @Field(() => ID)
  modelB!: string;

  @Field(() => ID)
  dataset!: string;

  @LabelSetField()
  labelSet?: string[] | null;
}
