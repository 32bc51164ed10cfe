import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DatasetType } from '../../dataset/dto/dataset.type.js';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('Agreement', {
  description:
    'How much the chosen models agree on the faces they all predicted, with each model as one rater. Agreement is ' +
    'computed over labelSet; a prediction outside it is replaced by the most probable label inside it (what the ' +
    'model would say restricted to those labels), so no face is dropped for it.',
})
export class AgreementType {
  @Field(() => DatasetType)
  dataset!: DatasetType;

  @Field(() => [ModelType])
  models!: ModelType[];

  @Field(() => Int, { description: 'Faces every chosen model predicted.' })
  nFaces!: number;

  @Field(() => Int, { description: 'Raters per face: the number of chosen models.' })
  nRaters!: number;

  @Field(() => [String], { description: 'The canonical labels every chosen model can emit, in canonical order.' })
  labelSet!: string[];

  @Field(() => Float, { nullable: true, description: "Fleiss' κ over the nFaces faces." })
  fleissKappa!: number | null;

  @Field(() => String, { nullable: true, description: 'Why fleissKappa is null.' })
  fleissKappaReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Landis & Koch band of fleissKappa: poor, slight, fair, moderate, substantial, almost perfect.',
  })
  interpretation!: string | null;
}
