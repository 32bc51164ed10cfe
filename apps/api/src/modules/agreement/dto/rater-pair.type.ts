import { Field, ObjectType } from 'type-graphql';
import { ModelType } from '../../model/dto/model.type.js';
import { CohenKappaType } from './cohen-kappa.type.js';

@ObjectType('RaterPair', { description: 'Two of the chosen models and their Cohen κ.' })
export class RaterPairType {
  @Field(() => ModelType)
  modelA!: ModelType;

  @Field(() => ModelType)
  modelB!: ModelType;

  @Field(() => CohenKappaType)
  kappa!: CohenKappaType;
}
