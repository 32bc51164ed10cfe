import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('GatedAgreementPoint')
export class GatedAgreementPointType {
  @Field(() => Float)
  threshold!: number;

  @Field(() => Int, { description: "Faces where every model's confidence (its largest probability) is ≥ threshold." })
  nFaces!: number;

  @Field(() => Float, { nullable: true, description: 'nFaces over the faces every model predicted.' })
  coverage!: number | null;

  @Field(() => Float, { nullable: true, description: "Fleiss' κ among the models over those faces." })
  kappa!: number | null;

  @Field(() => Float, { nullable: true, description: "κ's standard error under H0 (irr's)." })
  se!: number | null;

  @Field(() => String, { nullable: true, description: 'Why κ is undefined, when it is.' })
  reason!: string | null;
}

@ObjectType('GatedAgreement', { description: 'Agreement under confidence gating: κ among models over the faces all of them are confident on, against τ.' })
export class GatedAgreementType {
  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field(() => [ModelType])
  models!: ModelType[];

  @Field(() => [String], { description: 'Labels all the models can emit; votes are restricted to them.' })
  labelSet!: string[];

  @Field(() => Int, { description: 'Faces every model predicted (coverage 1).' })
  nComplete!: number;

  @Field(() => [GatedAgreementPointType])
  points!: GatedAgreementPointType[];
}
