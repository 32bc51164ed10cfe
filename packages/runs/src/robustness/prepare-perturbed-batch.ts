import { readFile } from 'node:fs/promises';
import { type DetectedFace, type Perturbation, needsFace, normalisationTables, preparePerturbedImage, tensorSize } from '@ferbench/inference';
import type { ModelInput } from '@ferbench/shared';
import type { PendingImage } from '../pending-images.js';

/** A batch tensor of perturbed images and, per image, null or why it is not in the tensor (its slot stays zeros). */
export interface PerturbedBatch {
  images: PendingImage[];
  tensor: Float32Array;
  errors: (string | null)[];
}

/**
 * Prepares perturbed batches for one model input: each image decoded, perturbed, then preprocessed as the card
 * says. `faceOf` gives an image's detected face, or why it has none (for cards that crop or align and for
 * perturbations drawn from the landmarks; `undefined` when faces were not looked up).
 */
export function perturbedBatchPreparer(
  input: ModelInput,
  perturbation: Perturbation,
  faceOf: (image: PendingImage) => DetectedFace | string | undefined,
): (images: PendingImage[]) => Promise<PerturbedBatch> {
  const tables = normalisationTables(input);
  const size = tensorSize(input);
  const wantsFace = input.crop !== 'none' || needsFace(perturbation);
  return async (images) => {
    const tensor = new Float32Array(images.length * size);
    const errors: (string | null)[] = [];
    for (const [i, image] of images.entries()) {
      const face = faceOf(image);
      if (wantsFace && typeof face !== 'object') {
        errors.push(face ?? 'no face looked up');
        continue;
      }
      try {
        await preparePerturbedImage(await readFile(image.path), perturbation, input, tensor, i, tables, typeof face === 'object' ? face : null);
        errors.push(null);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    return { images, tensor, errors };
  };
}
