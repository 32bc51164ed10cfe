import { mulberry32 } from '@ferbench/shared';
import type { Pixels } from '../pixels.js';

/**
 * Additive Gaussian noise of standard deviation σ grey levels, one independent draw per value (each channel of
 * each pixel), from a seeded generator (mulberry32 + Box–Muller): the same seed gives
 * the same noise on every machine. σ = 0 leaves the image as it is.
 */
export function gaussianNoise(image: Pixels, sigma: number, seed: number): Pixels {
  const data = image.data.slice();
  if (sigma === 0) return { ...image, data };
  const random = mulberry32(seed);
  for (let i = 0; i < data.length; i++) {
    const u = 1 - random(); // (0, 1]: log(u) is finite
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    data[i] = Math.min(255, Math.max(0, Math.round((data[i] as number) + sigma * z)));
  }
  return { ...image, data };
}
