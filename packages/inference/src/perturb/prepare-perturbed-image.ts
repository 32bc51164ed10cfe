import type { ModelInput } from '@ferbench/shared';
import { toColourSpace } from '../colour.js';
import { decodeImage } from '../decode-image.js';
import { faceInput } from '../faces/face-input.js';
import type { DetectedFace } from '../faces/face.js';
import { writeTensor } from '../tensor-layout.js';
import { applyPerturbation } from './apply-perturbation.js';
import type { Perturbation } from './perturbation.js';

/**
 * prepareImage with a perturbation applied to the decoded original first: decode → perturb → (crop or align) →
 * resize → colour → scale/normalise → layout. The one face serves both the landmarks-drawn perturbations and the
 * card's crop; for crop "none" it is only needed by the former.
 */
export async function preparePerturbedImage(
  data: Uint8Array,
  perturbation: Perturbation,
  input: ModelInput,
  batch: Float32Array,
  index: number,
  tables?: readonly Float32Array[],
  face: DetectedFace | null = null,
): Promise<void> {
  const perturbed = await applyPerturbation(await decodeImage(data), perturbation, face);
  const image = await faceInput(perturbed, face, input);
  writeTensor(batch, index, toColourSpace(image, input.colorSpace), input, tables);
}
