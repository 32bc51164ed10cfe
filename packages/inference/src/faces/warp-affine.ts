import type { Pixels } from '../pixels.js';
import { type Affine, invertAffine } from './similarity-transform.js';

/**
 * The image warped by `m` (source → destination coordinates) into a width × height image, as OpenCV's
 * warpAffine with INTER_LINEAR and a constant 0 border: each destination pixel samples the source at m⁻¹(x, y)
 * bilinearly, neighbours outside the source counting as 0. (OpenCV quantises the sampling position to 1/32 of
 * a pixel and this samples exactly, so a value can differ by a grey level; on the aligned photo in the test, none
 * does.)
 */
export function warpAffine(image: Pixels, m: Affine, width: number, height: number): Pixels {
  const inv = invertAffine(m);
  const { data, channels: ch } = image;
  const sw = image.width;
  const sh = image.height;
  const out = new Uint8Array(width * height * ch);
  const at = (x: number, y: number, k: number): number => (x >= 0 && y >= 0 && x < sw && y < sh ? (data[(y * sw + x) * ch + k] as number) : 0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = inv[0] * x + inv[1] * y + inv[2];
      const sy = inv[3] * x + inv[4] * y + inv[5];
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < -1 || y0 < -1 || x0 >= sw || y0 >= sh) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const o = (y * width + x) * ch;
      for (let k = 0; k < ch; k++) {
        const top = at(x0, y0, k) * (1 - fx) + at(x0 + 1, y0, k) * fx;
        const bottom = at(x0, y0 + 1, k) * (1 - fx) + at(x0 + 1, y0 + 1, k) * fx;
        out[o + k] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return { data: out, width, height, channels: ch };
}
