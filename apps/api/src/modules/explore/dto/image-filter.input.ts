import { EMOTIONS } from '@ferbench/shared';
import { IsIn, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';

const emotionMessage = `expected a canonical emotion: ${EMOTIONS.join(', ')}`;

@InputType('ModelLabelFilter')
export class ModelLabelFilterInput {
  @Field(() => ID)
  model!: string;

  @Field({ description: 'A canonical emotion: the label the model chose (as stored, not restricted to any label set).' })
  @IsIn(EMOTIONS, { message: emotionMessage })
  label!: string;
}

@InputType('ModelPairFilter')
export class ModelPairFilterInput {
  @Field(() => ID)
  modelA!: string;

  @Field(() => ID)
  modelB!: string;
}

/** Every filter given must hold (AND). */
@InputType('ImageFilter')
export class ImageFilterInput {
  @Field(() => String, { nullable: true, description: 'Faces whose gold label is this canonical emotion.' })
  @IsOptional()
  @IsIn(EMOTIONS, { message: emotionMessage })
  goldLabel?: string | null;

  @Field(() => ModelLabelFilterInput, { nullable: true, description: 'Faces the model labelled with this emotion.' })
  @IsOptional()
  // TypeGraphQL builds nested inputs as class instances, so their own rules run too.
  @ValidateNested()
  predicted?: ModelLabelFilterInput | null;

  @Field(() => ModelPairFilterInput, {
    nullable: true,
    description: 'Faces both models predicted with different labels, each restricted to the labels both can emit.',
  })
  @IsOptional()
  disagree?: ModelPairFilterInput | null;

  @Field(() => Float, { nullable: true, description: "Faces whose models' vote entropy is at least this (bits)." })
  @IsOptional()
  @Min(0, { message: 'minModelEntropy: entropy is never negative' })
  @Max(3, { message: 'minModelEntropy: at most 3 bits (8 emotions)' })
  minModelEntropy?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Faces whose human vote entropy is at least this (bits); an error on a dataset without human votes.',
  })
  @IsOptional()
  @Min(0, { message: 'minHumanEntropy: entropy is never negative' })
  @Max(3, { message: 'minHumanEntropy: at most 3 bits (8 emotions)' })
  minHumanEntropy?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only faces whose file (sha256) occurs more than once, in any dataset.' })
  @IsOptional()
  duplicatesOnly?: boolean | null;
}
