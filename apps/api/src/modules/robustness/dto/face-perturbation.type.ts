import { Field, Float, ObjectType } from 'type-graphql';
import { ModelType } from '../../model/dto/model.type.js';

@ObjectType('PerturbedVote', { description: "One model's vote on a face, clean or under a perturbation." })
export class PerturbedVoteType {
  @Field(() => ModelType)
  model!: ModelType;

  @Field(() => String, { nullable: true, description: 'The canonical emotion the model chose; null where the run failed on this face (see error).' })
  label!: string | null;

  @Field(() => Float, { nullable: true, description: "The model's probability for label." })
  probability!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the run stored no prediction here (e.g. no detected face to draw a mask from).' })
  error!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether label differs from the model's clean vote on this face: false in the clean column, null where either vote is missing.",
  })
  changed!: boolean | null;
}

@ObjectType('FacePerturbation', { description: "A face as the models saw it under one perturbation (or clean), and each model's vote." })
export class FacePerturbationType {
  @Field(() => String, { nullable: true, description: 'Canonical name, e.g. "blur(sigma=2)"; null for the clean face. GET /images/:id/perturbed/:perturbation renders it.' })
  perturbation!: string | null;

  @Field(() => [PerturbedVoteType], { description: 'One vote per model that has a perturbed prediction for this face, by model id.' })
  votes!: PerturbedVoteType[];
}
