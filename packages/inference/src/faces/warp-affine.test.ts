import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture } from '@ferbench/testkit';
import { decodeImage } from '../decode-image.js';
import type { Pixels } from '../pixels.js';
import { sha256Hex } from '../sha256.js';
import { TEMPLATE_112, alignmentTransform } from './face-template.js';
import type { Point } from './face.js';
import { type Affine, applyAffine, invertAffine } from './similarity-transform.js';
import { warpAffine } from './warp-affine.js';

const W = 200;
const H = 160;
// A linear ramp: bilinear sampling reproduces a linear function exactly, so every value is predictable.
const ramp = (x: number, y: number): number => 20 + 0.6 * x + 0.4 * y;

function rampImage(): Pixels {
  const data = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data.set([Math.round(ramp(x, y)), Math.round(255 - ramp(x, y)), 7], (y * W + x) * 3);
  return { data, width: W, height: H, channels: 3 };
}

test('warpAffine samples the source at m⁻¹(x, y) bilinearly (exact on a ramp) and leaves 0 outside it', () => {
  const m: Affine = [0.8, -0.3, 20, 0.3, 0.8, -10];
  const out = warpAffine(rampImage(), m, 112, 112);
  const inv = invertAffine(m);
  let inside = 0;
  let outside = 0;
  for (let y = 0; y < 112; y++) {
    for (let x = 0; x < 112; x++) {
      const [sx, sy] = applyAffine(inv, [x, y]);
      const o = (y * 112 + x) * 3;
      if (sx >= 0 && sy >= 0 && sx <= W - 1 && sy <= H - 1) {
        inside++;
        // the source values are whole numbers (the ramp rounded when stored): allow that rounding and ours
        assert.ok(Math.abs((out.data[o] as number) - ramp(sx, sy)) <= 1, `(${x}, ${y}) → (${sx}, ${sy}): ${out.data[o]} vs ${ramp(sx, sy)}`);
        assert.equal(out.data[o + 2], 7);
      } else if (sx < -1 || sy < -1 || sx > W || sy > H) {
        outside++;
        assert.deepEqual([...out.data.subarray(o, o + 3)], [0, 0, 0], `(${x}, ${y}) lies outside the source`);
      }
    }
  }
  assert.ok(inside > 5000 && outside > 100, `${inside} inside, ${outside} outside`);
});

test('warping by the alignment transform puts five landmark dots onto the template', () => {
  // five bright dots on a black image, at whole-pixel landmark positions of a tilted face
  const landmarks: Point[] = [
    [60, 50],
    [120, 62],
    [86, 95],
    [58, 128],
    [110, 138],
  ];
  const data = new Uint8Array(W * H);
  for (const [x, y] of landmarks) {
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) data[(y + dy) * W + x + dx] = dx === 0 && dy === 0 ? 255 : 128;
  }
  const m = alignmentTransform(landmarks, 112, 112);
  const out = warpAffine({ data, width: W, height: H, channels: 1 }, m, 112, 112);
  landmarks.forEach((p, i) => {
    const [ex, ey] = applyAffine(m, p);
    // the dot lands where the transform says, and that is near the template (least squares, not exact)
    let peak = { v: -1, x: 0, y: 0 };
    for (let y = Math.floor(ey) - 3; y <= Math.ceil(ey) + 3; y++)
      for (let x = Math.floor(ex) - 3; x <= Math.ceil(ex) + 3; x++) if ((out.data[y * 112 + x] as number) > peak.v) peak = { v: out.data[y * 112 + x] as number, x, y };
    assert.ok(peak.v > 100, `landmark ${i}: no dot near (${ex}, ${ey})`);
    assert.ok(Math.hypot(peak.x - ex, peak.y - ey) <= 1, `landmark ${i}: dot at (${peak.x}, ${peak.y}), transform says (${ex}, ${ey})`);
    const [tx, ty] = TEMPLATE_112[i] as Point;
    assert.ok(Math.hypot(ex - tx, ey - ty) < 4, `landmark ${i}: (${ex}, ${ey}) is far from the template (${tx}, ${ty})`);
  });
});

test('aligning a real muxspace photo gives the bytes OpenCV gives (Umeyama by SVD + cv2.warpAffine, INTER_LINEAR, border 0)', async (t) => {
  const file = fixture(t, 'data', 'muxspace-sample', 'images', 'James_Hughes_0001.jpg');
  if (file === undefined) return;
  // YuNet's landmarks for this photo (OpenCV FaceDetectorYN, see yunet-detector.test.ts)
  const landmarks: Point[] = [
    [108.80467224121094, 153.5891876220703],
    [241.45806884765625, 120.00775146484375],
    [196.45352172851562, 215.8458709716797],
    [156.99070739746094, 286.49884033203125],
    [267.3520202636719, 258.8182678222656],
  ];
  const m = alignmentTransform(landmarks, 112, 112);
  // numpy's SVD Umeyama (as OpenCV zoo's facial_fer_model.py) gave these coefficients
  const reference = [0.26522082, -0.06847833, 18.68887544, 0.06847833, 0.26522082, 3.71350537];
  m.forEach((v, i) => assert.ok(Math.abs(v - (reference[i] as number)) < 1e-8, `coefficient ${i}: ${v} vs ${reference[i]}`));
  const aligned = warpAffine(await decodeImage(readFileSync(file)), m, 112, 112);
  // sha256 of cv2.warpAffine(img, M, (112, 112), borderValue=0) with opencv-python-headless 5.0.0
  assert.equal(sha256Hex(aligned.data), '0c77bb7f8b56112b54ada3b6af32834e0fee3a980cfd61a53253f86be2352ba2');
});
