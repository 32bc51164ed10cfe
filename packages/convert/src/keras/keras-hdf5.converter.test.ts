import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { fixture } from '@ferbench/testkit';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { grayFacesBatch, pickFaces } from '../parity/fer-test-faces.js';
import { maxAbsDiff } from '../parity/max-abs-diff.js';
import { predictOnnx } from '../parity/onnx-predict.js';
import { readKerasHdf5 } from './hdf5-weights.reader.js';
import { convertKerasHdf5 } from './keras-hdf5.converter.js';
import { convertKerasModel, weightsByLayerName } from './keras-model.converter.js';

const MINI_119 = ['models', 'oarriaga-fer2013_mini_XCEPTION.119-0.65'];
const FACES = 200;

describe('Keras HDF5 converter', () => {
  it('mini_XCEPTION-119 (48×48) matches the independently converted ONNX on 200 FER2013 faces within 1e-4', async (t) => {
    const hdf5 = fixture(t, ...MINI_119, 'fer2013_mini_XCEPTION.119-0.65.hdf5');
    const readyOnnx = fixture(t, ...MINI_119, 'onnx', 'fer2013_mini_XCEPTION.119-0.65.onnx');
    const faces = fixture(t, 'data', 'fer2013', 'test');
    if (!hdf5 || !readyOnnx || !faces) return;
    const input = await grayFacesBatch(await pickFaces(faces, FACES), 48);
    const dims = [FACES, 48, 48, 1];
    const ours = await predictOnnx(await convertKerasHdf5(hdf5), input, dims);
    const theirs = await predictOnnx(readyOnnx, input, dims);
    assert.equal(ours.length, FACES * 7);
    const diff = maxAbsDiff(ours, theirs);
    t.diagnostic(`mini_XCEPTION-119 keras->onnx vs ready onnx: max |Δp| = ${diff.toExponential(2)}`);
    assert.ok(diff <= 1e-4, `max |Δp| ${diff}`);
    // Softmax output: every row is a probability vector.
    for (let r = 0; r < FACES; r++) assert.ok(Math.abs(ours.subarray(r * 7, r * 7 + 7).reduce((s, p) => s + p, 0) - 1) < 1e-5);
  });

  it('gives the same bytes for the same file', async (t) => {
    const hdf5 = fixture(t, ...MINI_119, 'fer2013_mini_XCEPTION.119-0.65.hdf5');
    if (!hdf5) return;
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    assert.equal(sha(await convertKerasHdf5(hdf5)), sha(await convertKerasHdf5(hdf5)));
  });

  it('stops on an unsupported layer type, naming the type and the layer', async (t) => {
    const hdf5 = fixture(t, ...MINI_119, 'fer2013_mini_XCEPTION.119-0.65.hdf5');
    if (!hdf5) return;
    const { modelConfig, weights } = await readKerasHdf5(hdf5);
    const config = structuredClone(modelConfig) as { config: { layers: { class_name: string; name: string }[] } };
    const layer = config.config.layers.find((l) => l.name === 'activation_3');
    assert.ok(layer, 'the real model has an activation_3 layer');
    layer.class_name = 'ThresholdedReLU';
    assert.throws(
      () => convertKerasModel(config, weightsByLayerName(weights), { description: '', properties: {} }),
      (error: unknown) =>
        error instanceof ConversionError &&
        error.code === ConversionErrorCode.UnsupportedLayer &&
        error.message.includes("'ThresholdedReLU'") &&
        error.message.includes("'activation_3'"),
    );
  });
});
