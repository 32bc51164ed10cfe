import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixture } from '@ferbench/testkit';
import { faceApiExpressions } from '../parity/faceapi-reference.js';
import { pickFaces, rgbFacesBatch } from '../parity/fer-test-faces.js';
import { maxAbsDiff } from '../parity/max-abs-diff.js';
import { predictOnnx } from '../parity/onnx-predict.js';
import { convertFaceExpressionNet } from './face-expression-net.converter.js';

const FACES = 200;
const SIZE = 112;
/** face-api's normalization, which the converted graph leaves to the model card. */
const MEAN_RGB = [122.782, 117.001, 104.298];

describe('face-api FaceExpressionNet converter', () => {
  it("matches face-api's own forward pass on 200 FER2013 faces within 1e-4", async (t) => {
    const manifest = fixture(t, 'models', 'faceapi-face-expression', 'face_expression_model-weights_manifest.json');
    const faces = fixture(t, 'data', 'fer2013', 'test');
    if (!manifest || !faces) return;
    const rgb = await rgbFacesBatch(await pickFaces(faces, FACES), SIZE);
    const reference = await faceApiExpressions(manifest, rgb, FACES, SIZE);
    const normalized = rgb.map((v, i) => (v - (MEAN_RGB[i % 3] ?? 0)) / 255);
    const ours = await predictOnnx(await convertFaceExpressionNet(manifest), normalized, [FACES, SIZE, SIZE, 3]);
    assert.equal(ours.length, FACES * 7);
    const diff = maxAbsDiff(ours, reference);
    t.diagnostic(`face-api FaceExpressionNet: max |Δp| faceapi->onnx ${diff.toExponential(2)} (vs face-api on TF.js CPU)`);
    assert.ok(diff <= 1e-4, `max |Δp| ${diff}`);
  });
});
