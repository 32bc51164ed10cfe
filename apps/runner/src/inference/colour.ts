import type { ColorSpace } from '@ferbench/shared';
import type { RgbImage } from './rgb-image.js';

/**
 * RGB pixels in the card's colour space, interleaved: 1 channel for grayscale, 3 for rgb/bgr.
 *
 * Grayscale is OpenCV's cvtColor(RGB2GRAY) exactly, in its fixed-point form (Rec. 601 weights 0.299, 0.587,
 * 0.114 scaled by 2^14, rounded): the models here were trained on faces OpenCV converted. A grey pixel (r = g = b)
 * stays the same value, so grey JPEGs decoded to RGB come back unchanged.
 */
export function toColourSpace(image: RgbImage, colorSpace: ColorSpace): Uint8Array {
  const { data } = image;
  const n = image.width * image.height;
  if (data.length !== n * 3) throw new RangeError(`expected ${n * 3} RGB bytes for ${image.width}×${image.height}, got ${data.length}`);
  if (colorSpace === 'rgb') return data;
  if (colorSpace === 'bgr') {
    const out = new Uint8Array(n * 3);
    for (let i = 0; i < n * 3; i += 3) {
      out[i] = data[i + 2] as number;
      out[i + 1] = data[i + 1] as number;
      out[i + 2] = data[i] as number;
    }
    return out;
  }
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 3)
    out[i] = ((data[j] as number) * 4899 + (data[j + 1] as number) * 9617 + (data[j + 2] as number) * 1868 + 8192) >> 14;
  return out;
}
