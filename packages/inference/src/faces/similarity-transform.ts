import type { Point } from './face.js';

/** A 2×3 affine matrix [a, b, c, d, e, f]: x' = a·x + b·y + c, y' = d·x + e·y + f (OpenCV's layout). */
export type Affine = readonly [number, number, number, number, number, number];

/**
 * The least-squares similarity transform (rotation, uniform scale, translation; no reflection) taking `from`
 * onto `to`: Umeyama (1991), which in 2-D has a closed form. With points as complex numbers and their
 * centroids removed, the rotation-scale is z = Σ conj(from)·to / Σ |from|²; the translation moves the centroid
 * of `from` onto that of `to`. The same estimate as scikit-image's SimilarityTransform and OpenCV zoo's
 * face alignment.
 */
export function similarityTransform(from: readonly Point[], to: readonly Point[]): Affine {
  if (from.length !== to.length || from.length < 2) throw new RangeError(`need two equally long point lists of at least 2, got ${from.length} and ${to.length}`);
  const n = from.length;
  const [fx, fy] = centroid(from);
  const [tx, ty] = centroid(to);
  let re = 0;
  let im = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const p = (from[i] as Point)[0] - fx;
    const q = (from[i] as Point)[1] - fy;
    const u = (to[i] as Point)[0] - tx;
    const v = (to[i] as Point)[1] - ty;
    re += p * u + q * v;
    im += p * v - q * u;
    norm += p * p + q * q;
  }
  if (norm === 0) throw new RangeError('the source points all coincide');
  const a = re / norm;
  const b = im / norm;
  return [a, -b, tx - (a * fx - b * fy), b, a, ty - (b * fx + a * fy)];
}

export function applyAffine(m: Affine, [x, y]: Point): Point {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}

export function invertAffine(m: Affine): Affine {
  const det = m[0] * m[4] - m[1] * m[3];
  if (det === 0) throw new RangeError('the affine transform is singular');
  const a = m[4] / det;
  const b = -m[1] / det;
  const d = -m[3] / det;
  const e = m[0] / det;
  return [a, b, -(a * m[2] + b * m[5]), d, e, -(d * m[2] + e * m[5])];
}

function centroid(points: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const [px, py] of points) {
    x += px;
    y += py;
  }
  return [x / points.length, y / points.length];
}
