import type { DetectedFace } from '../faces/face.js';
import type { Pixels } from '../pixels.js';
import type { Perturbation } from './perturbation.js';
import { PerturbationError, PerturbationErrorCode } from './perturbation-error.js';
import { perturbationSpec } from './perturbation-specs.js';

/** Whether the perturbation is drawn from the face's landmarks (and so needs the image's detected face). */
export function needsFace(perturbation: Perturbation): boolean {
  return perturbationSpec(perturbation.name)?.needsFace ?? false;
}

/**
 * The decoded original image perturbed, before any crop or resize (so sizes and landmarks are the original's).
 * Pure and deterministic: the same pixels, perturbation and face give byte-identical output.
 */
export async function applyPerturbation(image: Pixels, perturbation: Perturbation, face: DetectedFace | null = null): Promise<Pixels> {
  const spec = perturbationSpec(perturbation.name);
  if (spec === undefined) throw new PerturbationError(PerturbationErrorCode.Invalid, `unknown perturbation "${perturbation.name}"`);
  if (spec.needsFace && face === null) throw new PerturbationError(PerturbationErrorCode.NeedsFace, `${perturbation.canonical} needs a detected face, and none was found in this image`);
  return spec.apply(image, perturbation.params, face);
}
