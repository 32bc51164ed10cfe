import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('EntropyCell', { description: 'How many faces have this human vote entropy and this model vote entropy.' })
export class EntropyCellType {
  @Field(() => Float, { description: 'Entropy (bits) of the human votes, over the human vote categories.' })
  humanEntropyBits!: number;

  @Field(() => Float, { description: 'Entropy (bits) of the models’ labels, over labelSet.' })
  modelEntropyBits!: number;

  @Field(() => Int)
  faces!: number;
}
