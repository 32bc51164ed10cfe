import assert from 'node:assert/strict';
import { test } from 'node:test';
import { YUNET_STRIDES, type YunetStrideOutput, decodeYunet } from './yunet-decode.js';

// A 64×32 input: strides 8, 16, 32 give 8×4, 4×2 and 2×1 grids.
function emptyOutputs(width: number, height: number): Record<number, YunetStrideOutput> {
  const out: Record<number, YunetStrideOutput> = {};
  for (const s of YUNET_STRIDES) {
    const n = (width / s) * (height / s);
    out[s] = { cls: new Float32Array(n), obj: new Float32Array(n), bbox: new Float32Array(n * 4), kps: new Float32Array(n * 10) };
  }
  return out;
}

test('decodeYunet: score sqrt(cls·obj), box and landmarks from the prior grid, as OpenCV FaceDetectorYN', () => {
  const outputs = emptyOutputs(64, 32);
  const s16 = outputs[16] as YunetStrideOutput;
  const idx = 1 * 4 + 3; // row 1, column 3 of the 4×2 grid
  s16.cls[idx] = 0.81;
  s16.obj[idx] = 1.2; // clamped to 1
  s16.bbox.set([0.5, 0.25, Math.log(2), Math.log(1.5)], idx * 4);
  s16.kps.set([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], idx * 10);
  // a weaker prior at stride 8 that is kept (no overlap) and one below the threshold
  const s8 = outputs[8] as YunetStrideOutput;
  s8.cls[0] = 0.5;
  s8.obj[0] = 0.5;
  s8.cls[1] = 0.3;
  s8.obj[1] = 0.3;
  const faces = decodeYunet(outputs, { width: 64, height: 32, scoreThreshold: 0.4, nmsThreshold: 0.3 });
  assert.equal(faces.length, 2);
  const [best, second] = faces as [(typeof faces)[0], (typeof faces)[0]];
  assert.ok(Math.abs(best.score - 0.9) < 1e-6);
  // centre ((3 + 0.5)·16, (1 + 0.25)·16) = (56, 20); size (2·16, 1.5·16) = (32, 24)
  const box = best.box;
  assert.ok(Math.abs(box.x - 40) < 1e-5 && Math.abs(box.y - 8) < 1e-5 && Math.abs(box.width - 32) < 1e-5 && Math.abs(box.height - 24) < 1e-5, JSON.stringify(box));
  const expected = [
    [(3 + 0.1) * 16, (1 + 0.2) * 16],
    [(3 + 0.3) * 16, (1 + 0.4) * 16],
    [(3 + 0.5) * 16, (1 + 0.6) * 16],
    [(3 + 0.7) * 16, (1 + 0.8) * 16],
    [(3 + 0.9) * 16, (1 + 1.0) * 16],
  ];
  best.landmarks.forEach(([x, y], i) => assert.ok(Math.hypot(x - (expected[i]?.[0] as number), y - (expected[i]?.[1] as number)) < 1e-5, `landmark ${i}`));
  assert.ok(Math.abs(second.score - 0.5) < 1e-6);
  assert.deepEqual(second.box, { x: -4, y: -4, width: 8, height: 8 });
});

test('decodeYunet names a missing stride and a grid that does not fit the input size', () => {
  const outputs = emptyOutputs(64, 32);
  assert.throws(() => decodeYunet(outputs, { width: 64, height: 64, scoreThreshold: 0.5, nmsThreshold: 0.3 }), /cls_8 has 32 priors, expected 8×8 for a 64×64 input/);
  delete outputs[32];
  assert.throws(() => decodeYunet(outputs, { width: 64, height: 32, scoreThreshold: 0.5, nmsThreshold: 0.3 }), /stride 32 is missing/);
});
