import type { Pixels } from '../pixels.js';

/** The normalised 1-D Gaussian kernel of radius ⌈3σ⌉. */
export function gaussianKernel(sigma: number): Float64Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const k = Float64Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  return k.map((v) => v / sum);
}

/**
 * Gaussian blur of standard deviation σ pixels, separable, edges replicated, rounded to 8 bits once at the end
 * (the horizontal pass stays in floating point). σ = 0 leaves the image as it is.
 */
export function gaussianBlur(image: Pixels, sigma: number): Pixels {
  const { width: w, height: h, channels: ch } = image;
  if (sigma === 0) return { ...image, data: image.data.slice() };
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) / 2;
  const clamp = (v: number, hi: number): number => (v < 0 ? 0 : v > hi ? hi : v);
  const mid = new Float64Array(image.data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < ch; c++) {
        let s = 0;
        for (let i = -r; i <= r; i++) s += (k[i + r] as number) * (image.data[(y * w + clamp(x + i, w - 1)) * ch + c] as number);
        mid[(y * w + x) * ch + c] = s;
      }
  const data = new Uint8Array(image.data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < ch; c++) {
        let s = 0;
        for (let i = -r; i <= r; i++) s += (k[i + r] as number) * (mid[(clamp(y + i, h - 1) * w + x) * ch + c] as number);
        data[(y * w + x) * ch + c] = Math.min(255, Math.max(0, Math.round(s)));
      }
  return { ...image, data };
}
