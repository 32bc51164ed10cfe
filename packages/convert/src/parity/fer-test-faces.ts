import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** As @ferbench/shared's MAX_INPUT_PIXELS (this package depends on nothing of ours): no face file decodes past 40 MP. */
const LIMIT_INPUT_PIXELS = 40_000_000;

/**
 * `count` FER2013 test faces spread evenly over the sorted file list (so every emotion folder contributes),
 * the same faces on every run.
 */
export async function pickFaces(testDir: string, count: number): Promise<string[]> {
  const folders = (await readdir(testDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const files: string[] = [];
  for (const folder of folders)
    files.push(...(await readdir(path.join(testDir, folder))).filter((f) => f.endsWith('.jpg')).sort().map((f) => path.join(testDir, folder, f)));
  const step = files.length / count;
  return Array.from({ length: Math.min(count, files.length) }, (_, i) => files[Math.floor(i * step)] as string);
}

/**
 * The oarriaga/GEAR preprocessing from SOURCE.txt: grayscale, resized (bilinear) to size×size, x/255 then
 * (x − 0.5)·2 (range 'signed'; 'unit' stops at x/255, vicksam's), stacked NHWC [n, size, size, 1].
 */
export async function grayFacesBatch(files: readonly string[], size: number, range: 'signed' | 'unit' = 'signed'): Promise<Float32Array> {
  const batch = new Float32Array(files.length * size * size);
  await Promise.all(
    files.map(async (file, i) => {
      const pixels = await sharp(file, { limitInputPixels: LIMIT_INPUT_PIXELS }).toColourspace('b-w').resize(size, size, { kernel: 'linear', fit: 'fill' }).raw().toBuffer();
      for (let p = 0; p < size * size; p++) {
        const unit = (pixels[p] ?? 0) / 255;
        batch[i * size * size + p] = range === 'unit' ? unit : (unit - 0.5) * 2;
      }
    }),
  );
  return batch;
}

/** RGB 0..255 faces resized to size×size, NHWC [n, size, size, 3] (face-api's input before its normalization). */
export async function rgbFacesBatch(files: readonly string[], size: number): Promise<Float32Array> {
  const stride = size * size * 3;
  const batch = new Float32Array(files.length * stride);
  await Promise.all(
    files.map(async (file, i) => {
      const pixels = await sharp(file, { limitInputPixels: LIMIT_INPUT_PIXELS }).toColourspace('srgb').removeAlpha().resize(size, size, { kernel: 'linear', fit: 'fill' }).raw().toBuffer();
      batch.set(Float32Array.from(pixels.subarray(0, stride)), i * stride);
    }),
  );
  return batch;
}
