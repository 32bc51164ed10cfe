import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fixture, repoRoot } from '@ferbench/testkit';
import type { DetectedFace, Point } from '../faces/face.js';
import { applyPerturbation } from './apply-perturbation.js';
import { eyeBarPolygon, faceFrame, framePoint, maskPolygon, mouthBarPolygon } from './face-regions.js';
import { insidePolygon } from './fill-polygon.js';
import { writeMontage } from './montage.test-support.js';
import { parsePerturbation } from './parse-perturbation.js';
import { type RealFace, realFaces, spreadFiles } from './real-faces.test-support.js';

const OUT = path.join(repoRoot(), 'test-output', 'robustness');

// A pixel is covered when its centre is inside the region; a landmark counts as covered when the pixel it falls
// in is, and as clear when no pixel within `r` of it is.
const covered = (poly: readonly Point[], [x, y]: Point): boolean => insidePolygon(poly, Math.round(x), Math.round(y));
function clear(poly: readonly Point[], [x, y]: Point, r: number): boolean {
  for (let dy = -Math.ceil(r); dy <= Math.ceil(r); dy++)
    for (let dx = -Math.ceil(r); dx <= Math.ceil(r); dx++) if (dx * dx + dy * dy <= r * r && insidePolygon(poly, Math.round(x) + dx, Math.round(y) + dy)) return false;
  return true;
}

interface Placement {
  face: DetectedFace;
  /** The landmarks and the nose tip's lower half: the tip and points 0.1 d and 0.2 d below it along the face's axis. */
  eyes: [Point, Point];
  noseLowerHalf: Point[];
  mouth: [Point, Point];
  eyeDistance: number;
}

function placement(face: DetectedFace): Placement {
  const [a, b, nose, m1, m2] = face.landmarks as [Point, Point, Point, Point, Point];
  const f = faceFrame(face);
  const below = (k: number): Point => [nose[0] + k * f.down[0], nose[1] + k * f.down[1]];
  return { face, eyes: [a, b], noseLowerHalf: [nose, below(0.1), below(0.2)], mouth: [m1, m2], eyeDistance: Math.hypot(f.across[0], f.across[1]) };
}

type FaceSets = { rafdb: RealFace[]; fer: RealFace[] };
let detected: Promise<FaceSets> | undefined; // detected once for both tests

async function facesOf(t: Parameters<typeof fixture>[0]): Promise<FaceSets | undefined> {
  const rafdb = fixture(t, 'data', 'rafdb', 'basic', 'Image', 'aligned');
  const fer = fixture(t, 'data', 'fer2013', 'test');
  const detectors = fixture(t, 'detectors');
  if (rafdb === undefined || fer === undefined || detectors === undefined) return undefined;
  const ferFiles = ['happy', 'sad', 'surprise', 'angry'].flatMap((e) => spreadFiles(path.join(fer, e), 200, 4));
  detected ??= (async () => ({ rafdb: await realFaces(detectors, spreadFiles(rafdb, 100)), fer: await realFaces(detectors, ferFiles) }))();
  return detected;
}

test('the face frame puts the eyes at 0 and the mouth at 1 down, the eyes ±0.5 across', () => {
  const face: DetectedFace = { box: { x: 0, y: 0, width: 100, height: 100 }, score: 1, landmarks: [[30, 40], [70, 40], [50, 60], [35, 80], [65, 80]] };
  const f = faceFrame(face);
  assert.deepEqual(framePoint(f, -0.5, 0), [30, 40]);
  assert.deepEqual(framePoint(f, 0, 1), [50, 80]);
  assert.equal(f.nose, 0.5);
  // The mask's top edge runs a quarter of the nose-to-mouth gap above the tip: y = 40 + 40·(0.5 − 0.125) = 55.
  assert.equal(maskPolygon(face)[0]?.[1], 55);
});

test('mask and eye bar placed by YuNet landmarks on real faces: the mask covers both mouth corners and the nose tip’s lower half, neither eye; the bar both eyes, no mouth corner', async (t) => {
  const sets = await facesOf(t);
  if (sets === undefined) return;
  for (const [name, faces] of Object.entries(sets)) {
    assert.ok(faces.length >= (name === 'rafdb' ? 28 : 12), `${name}: faces found in ${faces.length} images`);
    for (const { file, face } of faces) {
      const p = placement(face);
      const mask = maskPolygon(face);
      const bar = eyeBarPolygon(face);
      const mouthBar = mouthBarPolygon(face);
      const r = 0.15 * p.eyeDistance; // an eye's own extent around its landmark
      const where = `${name} ${path.basename(file)}`;
      for (const m of p.mouth) assert.ok(covered(mask, m), `${where}: mask leaves mouth corner ${m.join(',')} uncovered`);
      for (const n of p.noseLowerHalf) assert.ok(covered(mask, n), `${where}: mask leaves ${n.join(',')} of the nose tip's lower half uncovered`);
      for (const e of p.eyes) assert.ok(clear(mask, e, r), `${where}: mask reaches the eye at ${e.join(',')}`);
      for (const e of p.eyes) assert.ok(covered(bar, e), `${where}: eye bar leaves the eye at ${e.join(',')} uncovered`);
      for (const m of p.mouth) assert.ok(!covered(bar, m), `${where}: eye bar covers mouth corner ${m.join(',')}`);
      for (const m of p.mouth) assert.ok(covered(mouthBar, m), `${where}: mouth bar leaves mouth corner ${m.join(',')} uncovered`);
      for (const e of p.eyes) assert.ok(!covered(mouthBar, e), `${where}: mouth bar covers an eye`);
    }
  }
});

test('the drawn mask paints the mouth corners in its colour and leaves the eyes’ pixels as they were; screenshots in test-output/robustness', async (t) => {
  const sets = await facesOf(t);
  if (sets === undefined) return;
  for (const [name, faces] of Object.entries(sets)) {
    const rows = [];
    for (const f of faces.slice(0, 12)) {
      const masked = await applyPerturbation(f.image, parsePerturbation('mask(kind=black)'), f.face);
      const ch = f.image.channels;
      const at = (img: Uint8Array, [x, y]: Point) => img[(Math.round(y) * f.image.width + Math.round(x)) * ch] as number;
      const black = ch === 1 ? Math.round(0.299 * 28 + 0.587 * 28 + 0.114 * 30) : 28;
      const [e1, e2, , m1, m2] = f.face.landmarks as [Point, Point, Point, Point, Point];
      assert.equal(at(masked.data, m1), black, `${f.file}: mouth corner not painted`);
      assert.equal(at(masked.data, m2), black);
      assert.equal(at(masked.data, e1), at(f.image.data, e1), `${f.file}: an eye pixel changed`);
      assert.equal(at(masked.data, e2), at(f.image.data, e2));
      const row = [{ image: f.image, points: f.face.landmarks }];
      for (const text of ['mask(kind=surgical)', 'occlude(region=eyes)', 'occlude(region=mouth)', 'rotate(deg=20)', 'gamma(value=2.2)', 'jpeg(quality=10)']) row.push({ image: await applyPerturbation(f.image, parsePerturbation(text), f.face), points: [] });
      rows.push(row);
    }
    const file = await writeMontage(path.join(OUT, `perturbations-${name}.png`), rows);
    assert.ok(existsSync(file));
    t.diagnostic(`screenshot: ${file}`);
  }
});
