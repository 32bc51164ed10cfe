import { MAX_INPUT_PIXELS, type ModelInput } from '@ferbench/shared';
import sharp from 'sharp';
import type { Pixels } from './pixels.js';
import { upsizeLikeVips } from './vips-upsize.js';

/** upsizeLikeVips reproduces this libvips series (8.17); with any other, every resize goes through sharp. */
const VIPS_UPSIZE_MATCHES = /^8\.17\./.test(sharp.versions.vips);

/**
 * The image stretched to the card's input size with the card's kernel (the faces are crops already: no
 * letterboxing). An image already at that size is returned as it is, without a trip through sharp; an enlargement
 * is computed here, byte for byte as sharp would (upsizeLikeVips), at a twentieth of sharp's per-call cost.
 */
export async function resizeImage(image: Pixels, input: Pick<ModelInput, 'width' | 'height' | 'resize'>): Promise<Pixels> {
  if (image.width === input.width && image.height === input.height) return image;
  const enlarged = VIPS_UPSIZE_MATCHES ? upsizeLikeVips(image, input) : null;
  if (enlarged !== null) return enlarged;
  const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels }, limitInputPixels: MAX_INPUT_PIXELS })
    .resize(input.width, input.height, { kernel: input.resize, fit: 'fill' })
    // sharp writes one-band raw input out as sRGB unless told to keep it grey
    .toColourspace(image.channels === 1 ? 'b-w' : 'srgb')
    .raw()
    .toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: input.width, height: input.height, channels: image.channels };
}
