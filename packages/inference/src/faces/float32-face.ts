import type { DetectedFace, Point } from './face.js';

/**
 * The face as float32 numbers, which is what Postgres `real` holds: a face detected now and the same face read back
 * from the cache (whose shortest decimal text parses to a nearby float64, not to the float32 itself) both go
 * through this, so every run aligns with exactly the same landmarks (a landmark off by 1e-7 can move a warped
 * pixel by one grey level, and an int8 model's output by one quantisation step).
 */
export function float32Face(face: DetectedFace): DetectedFace {
  const f = Math.fround;
  return {
    score: f(face.score),
    box: { x: f(face.box.x), y: f(face.box.y), width: f(face.box.width), height: f(face.box.height) },
    landmarks: face.landmarks.map(([x, y]) => [f(x), f(y)] as Point),
  };
}
