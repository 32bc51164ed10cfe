import { Field, ObjectType } from 'type-graphql';
import { CorrelationType } from '../../human-agreement/dto/correlation.type.js';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('EmotionRatingCorrelation', { description: "One model's probability for one emotion vs people's mean rating of it, over the rated faces it predicted." })
export class EmotionRatingCorrelationType {
  @Field(() => String, { description: 'Canonical emotion.' })
  emotion!: string;

  @Field(() => CorrelationType, { description: "Spearman's ρ; n is the faces compared." })
  spearman!: CorrelationType;
}

@ObjectType('ModelRatingCorrelation')
export class ModelRatingCorrelationType {
  @Field(() => ModelType)
  model!: ModelType;

  @Field(() => CorrelationType, { description: "Spearman's ρ over every (face, rated emotion) pair at once; n is the pairs." })
  pooled!: CorrelationType;

  @Field(() => [EmotionRatingCorrelationType], { description: 'Per rated emotion, in canonical order.' })
  emotions!: EmotionRatingCorrelationType[];
}
