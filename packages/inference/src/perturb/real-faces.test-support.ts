import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { decodeImage } from '../decode-image.js';
import { chooseExecutionProviders } from '../execution-providers.js';
import type { DetectedFace } from '../faces/face.js';
import { YUNET, YunetDetector } from '../faces/yunet-detector.js';
import type { Pixels } from '../pixels.js';

export interface RealFace {
  file: string;
  bytes: Uint8Array;
  image: Pixels;
  face: DetectedFace;
}

/** Every step-th file of a folder (sorted), limited to `limit`: a small subset spread over the whole dataset. */
export function spreadFiles(dir: string, step: number, limit = Infinity): string[] {
  return readdirSync(dir)
    .sort()
    .filter((_, i) => i % step === 0)
    .slice(0, limit)
    .map((f) => path.join(dir, f));
}

/** The files' decoded pixels and YuNet's best face in each (files without a face are left out). */
export async function realFaces(detectorsDir: string, files: readonly string[]): Promise<RealFace[]> {
  const detector = await YunetDetector.open(path.join(detectorsDir, YUNET.file), chooseExecutionProviders('cpu'));
  const out: RealFace[] = [];
  try {
    for (const file of files) {
      const bytes = readFileSync(file);
      const image = await decodeImage(bytes);
      const [face] = await detector.detect(image);
      if (face !== undefined) out.push({ file, bytes, image, face });
    }
  } finally {
    await detector.release();
  }
  return out;
}
