import type { ModelInput } from '@ferbench/shared';
import { toColourSpace } from './colour.js';
import { decodeImage } from './decode-image.js';
import { resizeImage } from './resize-image.js';
import { writeTensor } from './tensor-layout.js';

/**
 * The whole preprocessing of one image file's bytes, as the card says: decode → resize → colour →
 * scale/normalise → layout, written into position `index` of a batch tensor. Crops other than "none" (face
 * detection, alignment) are not implemented yet; the model wrapper refuses such cards before getting here.
 */
export async function prepareImage(data: Uint8Array, input: ModelInput, batch: Float32Array, index: number, tables?: readonly Float32Array[]): Promise<void> {
  const image = await resizeImage(await decodeImage(data), input);
  writeTensor(batch, index, toColourSpace(image, input.colorSpace), input, tables);
}
