import type { FaceBox } from './face.js';

/** Intersection over union of two boxes (0 when either is empty). */
export function iou(a: FaceBox, b: FaceBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Greedy non-maximum suppression, as OpenCV's NMSBoxes: candidates by descending score (at most `topK`), each
 * kept unless it overlaps an already kept one by more than `iouThreshold`. Returns the kept indices, best first.
 */
export function nms(boxes: readonly FaceBox[], scores: readonly number[], iouThreshold: number, topK = Infinity): number[] {
  const order = scores
    .map((score, i) => ({ score, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, topK)
    .map((c) => c.i);
  const kept: number[] = [];
  for (const i of order) {
    const box = boxes[i] as FaceBox;
    if (kept.every((k) => iou(boxes[k] as FaceBox, box) <= iouThreshold)) kept.push(i);
  }
  return kept;
}
