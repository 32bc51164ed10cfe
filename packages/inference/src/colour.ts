import type { ColorSpace } from '@ferbench/shared';
import type { Pixels } from './pixels.js';

/**
 * Pixels in the card's colour space, interleaved: 1 channel for grayscale, 3 for rgb/bgr.
 *
 * RGB to grayscale is OpenCV's cvtColor(RGB2GRAY) exactly, in its fixed-point form (Rec. 601 weights 0.299,
 * 0.587, 0.114 scaled by 2^14, rounded): the models here were trained on faces OpenCV converted. Grey to RGB
 * repeats the value, as cvtColor(GRAY2RGB) does; so grey → RGB → grey gives back the same pixels.
 */
export function toColourSpace(image: Pixels, colorSpace: ColorSpace): Uint8Array {
  const { data, channels } = image;
  const n = image.width * image.height;
  if (data.length !== n * channels) throw new RangeError(`expected ${n * channels} bytes for ${image.width}×${image.height}×${channels}, got ${data.length}`);
  if (channels === 1) {
    if (colorSpace === 'grayscale') return data;
    const out = new Uint8Array(n * 3);
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      const v = data[i] as number;
      out[j] = v;
      out[j + 1] = v;
      out[j + 2] = v;
    }
    return out;
  }
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
