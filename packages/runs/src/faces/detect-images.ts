import { readFile } from 'node:fs/promises';
import { decodeImage, type DetectorInfo, float32Face, type YunetDetector } from '@ferbench/inference';
import { chunks } from '@ferbench/shared';
import type pg from 'pg';
import { type ImageDetection, cachedDetections, storeDetections } from './face-detections.repository.js';

export interface DetectionTarget {
  sha256: string;
  path: string;
}

export interface ImageDetections {
  /** Per image sha256: what was found (from the cache or detected now). */
  detections: Map<string, ImageDetection>;
  /** Per image sha256: why it could not be read (not cached; the run records it as that image's failure). */
  errors: Map<string, string>;
  detected: number;
  reused: number;
}

// Detections are committed in chunks of this many, so an interrupted run keeps what it found.
const CHUNK = 256;

/**
 * Every image's detection, detecting only those the cache does not hold yet (each image once per detector file,
 * whichever model asks first) and storing what it finds, "no face" included.
 */
export async function detectImages(
  client: pg.PoolClient | pg.Pool,
  images: readonly DetectionTarget[],
  info: DetectorInfo,
  openDetector: () => Promise<YunetDetector>,
): Promise<ImageDetections> {
  const result: ImageDetections = { detections: new Map(), errors: new Map(), detected: 0, reused: 0 };
  let detector: YunetDetector | undefined; // opened at the first image the cache lacks
  try {
    for (const part of chunks([...images], CHUNK)) {
      const cached = await cachedDetections(client, info, part.map((i) => i.sha256));
      const found: ImageDetection[] = [];
      for (const image of part) {
        const hit = cached.get(image.sha256) ?? result.detections.get(image.sha256);
        if (hit !== undefined) {
          result.detections.set(image.sha256, hit);
          result.reused++;
          continue;
        }
        if (result.errors.has(image.sha256)) continue;
        detector ??= await openDetector(); // a detector that cannot be opened fails the run, not each image
        try {
          const faces = await detector.detect(await decodeImage(await readFile(image.path)));
          const best = faces[0];
          const detection = { imageSha256: image.sha256, faceCount: faces.length, face: best === undefined ? null : float32Face(best) };
          found.push(detection);
          result.detections.set(image.sha256, detection);
        } catch (error) {
          result.errors.set(image.sha256, error instanceof Error ? error.message : String(error));
        }
      }
      await storeDetections(client, info, found);
      result.detected += found.length;
    }
  } finally {
    await detector?.release();
  }
  return result;
}
