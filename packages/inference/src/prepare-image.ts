import type { ModelInput } from '@ferbench/shared';
import { toColourSpace } from './colour.js';
import { decodeImage } from './decode-image.js';
import { faceInput } from './faces/face-input.js';
import type { DetectedFace } from './faces/face.js';
import { resizeImage } from './resize-image.js';
import { writeGreyTensor, writeTensor } from './tensor-layout.js';

/**
 * The whole preprocessing of one image file's bytes, as the card says: decode → (crop or align to the detected
 * face) → resize → colour → scale/normalise → layout, written into position `index` of a batch tensor. Cards
 * with crop "detect" or "align" need the image's face (detected beforehand, see faces/).
 */
export async function prepareImage(
  data: Uint8Array,
  input: ModelInput,
  batch: Float32Array,
  index: number,
  tables?: readonly Float32Array[],
  face: DetectedFace | null = null,
): Promise<void> {
  const decoded = await decodeImage(data);
  const image = input.crop === 'none' ? await resizeImage(decoded, input) : await faceInput(decoded, face, input);
  if (image.channels === 1 && input.channels === 3) writeGreyTensor(batch, index, image.data, input, tables);
  else writeTensor(batch, index, toColourSpace(image, input.colorSpace), input, tables);
}
