import type { DetectedFace, Point } from '../faces/face.js';

/**
 * Regions drawn from YuNet's five landmarks, in a frame that turns and scales with the face: the origin at the
 * eyes' midpoint, `across` along the eye line (unit: the distance between the eyes, e), `down` towards the
 * mouth's midpoint (unit: the eyes-to-mouth distance, d). A region is a polygon in image pixels.
 */
export interface FaceFrame {
  origin: Point;
  /** One e along the eye line, from the picture's left eye to its right one. */
  across: Point;
  /** One d from the eyes' midpoint to the mouth's. */
  down: Point;
  /** The nose tip's position along `down`, in d (about 0.5 on a frontal face). */
  nose: number;
}

const mid = (a: Point, b: Point): Point => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

export function faceFrame(face: DetectedFace): FaceFrame {
  const [eyeA, eyeB, nose, mouthA, mouthB] = face.landmarks as [Point, Point, Point, Point, Point];
  const origin = mid(eyeA, eyeB);
  const mouth = mid(mouthA, mouthB);
  const across: Point = [eyeB[0] - eyeA[0], eyeB[1] - eyeA[1]];
  const down: Point = [mouth[0] - origin[0], mouth[1] - origin[1]];
  const dd = down[0] * down[0] + down[1] * down[1];
  const n = dd === 0 ? 0.5 : ((nose[0] - origin[0]) * down[0] + (nose[1] - origin[1]) * down[1]) / dd;
  return { origin, across, down, nose: n };
}

/** The image point at (a e, b d) in the face's frame. */
export function framePoint(f: FaceFrame, a: number, b: number): Point {
  return [f.origin[0] + a * f.across[0] + b * f.down[0], f.origin[1] + a * f.across[1] + b * f.down[1]];
}

/**
 * A face mask as the masked-face literature draws one (MaskTheFace, Anwar & Raychowdhury 2020: nose bridge to
 * chin, cheek to cheek), from five points: its top edge runs across the nose a quarter of the nose-to-mouth gap
 * above the tip (so the tip's lower half and the nostrils are covered, the eyes a third of d clear of it), widens
 * over the cheeks at mouth level and closes under the chin at 1.9 d.
 */
export function maskPolygon(face: DetectedFace): Point[] {
  const f = faceFrame(face);
  const top = f.nose - 0.25 * (1 - f.nose);
  return [
    [-0.95, top],
    [0.95, top],
    [1.1, 1.0],
    [0.8, 1.6],
    [0.3, 1.9],
    [-0.3, 1.9],
    [-0.8, 1.6],
    [-1.1, 1.0],
  ].map(([a, b]) => framePoint(f, a as number, b as number));
}

/** A bar over the eyes (the classic anonymising bar): 1.1 e either side of the midpoint, ±0.25 d high. */
export function eyeBarPolygon(face: DetectedFace): Point[] {
  return rectangle(faceFrame(face), 1.1, 0, 0.25);
}

/** A bar over the mouth: 0.9 e either side of its midpoint, ±0.22 d high (clear of the nose tip on a frontal face). */
export function mouthBarPolygon(face: DetectedFace): Point[] {
  return rectangle(faceFrame(face), 0.9, 1, 0.22);
}

function rectangle(f: FaceFrame, halfAcross: number, centre: number, halfDown: number): Point[] {
  return [
    framePoint(f, -halfAcross, centre - halfDown),
    framePoint(f, halfAcross, centre - halfDown),
    framePoint(f, halfAcross, centre + halfDown),
    framePoint(f, -halfAcross, centre + halfDown),
  ];
}
