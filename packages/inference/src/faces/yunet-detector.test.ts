import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fixture } from '@ferbench/testkit';
import * as ort from 'onnxruntime-node';
import { decodeImage } from '../decode-image.js';
import { chooseExecutionProviders } from '../execution-providers.js';
import { sha256File } from '../sha256.js';
import type { Point } from './face.js';
import { YUNET, YunetDetector, detectionScale } from './yunet-detector.js';

const cpu = chooseExecutionProviders('cpu');

/** Every step-th file of a folder (sorted): a small subset spread over the whole dataset. */
function every(dir: string, step: number, keep: (name: string) => boolean = () => true): string[] {
  return readdirSync(dir)
    .filter(keep)
    .sort()
    .filter((_, i) => i % step === 0)
    .map((f) => path.join(dir, f));
}

async function faceCounts(detector: YunetDetector, files: readonly string[]): Promise<number[]> {
  const counts: number[] = [];
  for (const file of files) counts.push((await detector.detect(await decodeImage(readFileSync(file)))).length);
  return counts;
}

test('detectionScale keeps images within 160..640 px (shortest side up, longest side down)', () => {
  assert.equal(detectionScale(350, 350), 1);
  assert.equal(detectionScale(48, 48), 160 / 48);
  assert.equal(detectionScale(100, 100), 1.6);
  assert.equal(detectionScale(1280, 960), 0.5);
  assert.equal(detectionScale(100, 600), 640 / 600);
});

test('the dynamic YuNet export is the 2023mar model: same outputs as the fixed 640×640 file', async (t) => {
  const dir = fixture(t, 'detectors', 'yunet-2023mar');
  if (dir === undefined) return;
  assert.equal(await sha256File(path.join(dir, 'yunet_s_dynamic.onnx')), YUNET.sha256);
  const input = new ort.Tensor('float32', Float32Array.from({ length: 3 * 640 * 640 }, (_, i) => (i * 7919) % 256), [1, 3, 640, 640]);
  const fixed = await ort.InferenceSession.create(path.join(dir, 'face_detection_yunet_2023mar.onnx'));
  const dynamic = await ort.InferenceSession.create(path.join(dir, 'yunet_s_dynamic.onnx'));
  const [a, b] = [await fixed.run({ input }), await dynamic.run({ input })];
  for (const name of ['cls_8', 'obj_16', 'bbox_32', 'kps_8']) {
    const x = a[name]?.data as Float32Array;
    const y = b[name]?.data as Float32Array;
    assert.equal(x.length, y.length);
    let worst = 0;
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs((x[i] as number) - (y[i] as number)));
    assert.ok(worst < 1e-3, `${name}: largest difference ${worst}`);
  }
  await Promise.all([fixed.release(), dynamic.release()]);
});

test('YuNet finds exactly one face in ≥ 95 % of RAF-DB aligned test faces (every 20th of 3,068)', async (t) => {
  const dir = fixture(t, 'data', 'rafdb', 'basic', 'Image', 'aligned');
  const detectors = fixture(t, 'detectors');
  if (dir === undefined || detectors === undefined) return;
  const detector = await YunetDetector.open(path.join(detectors, YUNET.file), cpu);
  try {
    const files = every(dir, 20, (f) => f.startsWith('test_'));
    assert.equal(files.length, 154);
    const counts = await faceCounts(detector, files);
    const one = counts.filter((n) => n === 1).length;
    assert.ok(one / files.length >= 0.95, `one face in ${one} of ${files.length}`);
    // the face of an aligned 100×100 crop: eyes level, in the upper half, mouth below the nose
    const [face] = await detector.detect(await decodeImage(readFileSync(files[0] as string)));
    assert.ok(face !== undefined);
    const [re, le, nose, rm, lm] = face.landmarks as [Point, Point, Point, Point, Point];
    assert.ok(re[0] < le[0] && Math.abs(re[1] - le[1]) < 8 && re[1] < 50 && nose[1] > re[1] && rm[1] > nose[1] && lm[1] > nose[1], JSON.stringify(face.landmarks));
  } finally {
    await detector.release();
  }
});

test('YuNet finds the face in ≥ 95 % of muxspace photos (every 10th of 870, uncropped heads)', async (t) => {
  const dir = fixture(t, 'data', 'muxspace-sample', 'images');
  const detectors = fixture(t, 'detectors');
  if (dir === undefined || detectors === undefined) return;
  const detector = await YunetDetector.open(path.join(detectors, YUNET.file), cpu);
  try {
    const files = every(dir, 10);
    assert.equal(files.length, 87);
    const counts = await faceCounts(detector, files);
    const found = counts.filter((n) => n >= 1).length;
    assert.ok(found / files.length >= 0.95, `a face in ${found} of ${files.length}`);
    assert.ok(counts.filter((n) => n > 1).length <= 2, `several faces in ${counts.filter((n) => n > 1).length}`);
  } finally {
    await detector.release();
  }
});

/**
 * What OpenCV's FaceDetectorYN (opencv-python-headless 5.0.0, face_detection_yunet_2023mar.onnx, score 0.6, NMS 0.3,
 * top 5000, input size = image size) returns for three 350×350 muxspace photos: x, y, w, h, five landmarks, score.
 * At their own size (no resize before detection) ours must give the same faces.
 */
const OPENCV: Record<string, number[][]> = {
  'Carlos_Fasciolo_0001.jpg': [
    [50.9377, 18.9741, 258.2039, 323.0380, 124.9875, 135.7454, 232.9534, 142.4221, 173.4422, 203.4303, 126.8024, 255.9025, 214.8125, 261.2406, 0.9264],
    [44.5188, 14.7462, 45.5503, 53.9372, 60.4369, 34.8992, 79.2380, 35.5130, 71.8533, 44.1385, 63.0222, 53.5268, 76.1094, 53.9723, 0.6004],
  ],
  'James_Hughes_0001.jpg': [
    [31.7422, -7.1405, 286.5575, 365.9912, 108.8047, 153.5892, 241.4581, 120.0078, 196.4535, 215.8459, 156.9907, 286.4988, 267.3520, 258.8183, 0.9165],
  ],
  'Princess_Masako_0001.jpg': [
    [18.1633, 10.4024, 273.2978, 332.2982, 122.6334, 128.7652, 239.5615, 152.1774, 184.9488, 212.2304, 105.0017, 244.7969, 209.0721, 265.1990, 0.9352],
  ],
};

test('YuNet as OpenCV FaceDetectorYN gives it on 350×350 muxspace photos: same faces, boxes and landmarks to 0.01 px', async (t) => {
  const dir = fixture(t, 'data', 'muxspace-sample', 'images');
  const detectors = fixture(t, 'detectors');
  if (dir === undefined || detectors === undefined) return;
  const detector = await YunetDetector.open(path.join(detectors, YUNET.file), cpu);
  try {
    for (const [name, expected] of Object.entries(OPENCV)) {
      const image = await decodeImage(readFileSync(path.join(dir, name)));
      assert.equal(detectionScale(image.width, image.height), 1);
      const faces = await detector.detect(image);
      assert.equal(faces.length, expected.length, name);
      faces.forEach((f, i) => {
        const got = [f.box.x, f.box.y, f.box.width, f.box.height, ...f.landmarks.flat(), f.score];
        got.forEach((v, k) => assert.ok(Math.abs(v - (expected[i]?.[k] as number)) < (k === 14 ? 1e-4 : 0.01), `${name} face ${i} value ${k}: ${v} vs OpenCV ${expected[i]?.[k]}`));
      });
    }
  } finally {
    await detector.release();
  }
});
