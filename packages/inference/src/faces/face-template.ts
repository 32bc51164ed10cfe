import type { Point } from './face.js';
import { type Affine, similarityTransform } from './similarity-transform.js';

/**
 * Where the five landmarks go in a 112×112 face: the ArcFace/InsightFace template that OpenCV zoo's MobileFaceNet
 * expression demo aligns to (facial_fer_model.py), in YuNet's landmark order.
 */
export const TEMPLATE_112: readonly Point[] = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];

/** The template for a width × height input: the 112×112 one scaled on each axis (the identity at 112×112). */
export function faceTemplate(width: number, height: number): Point[] {
  return TEMPLATE_112.map(([x, y]) => [(x * width) / 112, (y * height) / 112]);
}

/** The similarity transform taking a face's five landmarks onto the template of a width × height input. */
export function alignmentTransform(landmarks: readonly Point[], width: number, height: number): Affine {
  if (landmarks.length !== 5) throw new RangeError(`alignment needs 5 landmarks, got ${landmarks.length}`);
  return similarityTransform(landmarks, faceTemplate(width, height));
}
