import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Public } from '../../container/public.js';
import { ImageType } from '../image/dto/image.type.js';
import { FacePerturbationType } from './dto/face-perturbation.type.js';
import type { FacePerturbationsService } from './face-perturbations.service.js';

/** Image.underPerturbation, kept with the robustness runs that store it. */
@Resolver(() => ImageType)
export class FacePerturbationsResolver {
  constructor(private readonly service: Public<FacePerturbationsService>) {}

  @FieldResolver(() => [FacePerturbationType], {
    description:
      'Each model’s vote on this face clean (first, perturbation null) and under every perturbation a model was run on for it (ferbench robustness run), ' +
      'the default suite’s order first; only the models with a perturbed prediction here. Empty when there is none.',
  })
  underPerturbation(@Root() image: ImageType): Promise<FacePerturbationType[]> {
    return this.service.underPerturbation(image.id);
  }
}
