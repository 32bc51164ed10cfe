import type { CropPolicy, ModelInput } from '@ferbench/shared';
import type { Pixels } from '../pixels.js';
import { resizeImage } from '../resize-image.js';
import { cropWithMargin } from './crop-with-margin.js';
import { alignmentTransform } from './face-template.js';
import type { DetectedFace } from './face.js';
import { warpAffine } from './warp-affine.js';

/**
 * The face as a model with this input sees it, at its input size, under a crop policy: 'align' warps the five
 * landmarks onto the template (faceTemplate) with a similarity transform; 'detect' cuts out the box grown by
 * the card's margin (0 when it gives none) and stretches it to the input size; 'none' is the whole image
 * stretched. The colour space is left to the caller.
 */
export async function faceInput(image: Pixels, face: DetectedFace | null, input: ModelInput, crop: CropPolicy = input.crop, margin: number = input.margin ?? 0): Promise<Pixels> {
  if (crop === 'none') return resizeImage(image, input);
  if (face === null) throw new Error(`crop policy "${crop}" needs a detected face`);
  if (crop === 'align') return warpAffine(image, alignmentTransform(face.landmarks, input.width, input.height), input.width, input.height);
  return resizeImage(cropWithMargin(image, face.box, margin), input);
}
