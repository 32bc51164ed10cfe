import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '@ferbench/testkit';
import type { io } from '@tensorflow/tfjs';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { readKerasHdf5, shortWeightName } from '../keras/hdf5-weights.reader.js';
import { convertKerasHdf5 } from '../keras/keras-hdf5.converter.js';
import { grayFacesBatch, pickFaces } from '../parity/fer-test-faces.js';
import { maxAbsDiff } from '../parity/max-abs-diff.js';
import { predictOnnx } from '../parity/onnx-predict.js';
import { writeLayersModel } from '../parity/tfjs-layers-model-file.js';
import { predictInChunks, tfjsCpu } from '../parity/tfjs-reference.js';
import { convertTfjs } from './tfjs.converter.js';

const FACES = 200;
const GEAR = ['models', 'gear-predictor-eModel'];

describe('TF.js converter', () => {
  it('converts a TF.js layers model through the Keras layers; it and the Keras file match tfjs-layers within 1e-4', async (t) => {
    const h5 = fixture(t, ...GEAR, 'eModel.h5');
    const faces = fixture(t, 'data', 'fer2013', 'test');
    if (!h5 || !faces) return;
    const tf = await tfjsCpu();
    // tfjs-layers builds the model from the file's Keras config with the file's float32 weights: an independent
    // implementation of every Keras layer, and the way a TF.js layers model.json comes to be.
    const { modelConfig, weights } = await readKerasHdf5(h5);
    const model = await tf.models.modelFromJSON({ modelTopology: modelConfig as io.ModelJSON['modelTopology'] });
    for (const layer of model.layers)
      layer.setWeights(
        layer.weights.map((w) => {
          const weight = weights.get(layer.name)?.get(shortWeightName(w.originalName));
          assert.ok(weight, `${layer.name}/${w.originalName} is in the HDF5 file`);
          return tf.tensor(weight.data, weight.shape);
        }),
      );
    const dir = await mkdtemp(path.join(tmpdir(), 'ferbench-layers-model-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const modelJson = await writeLayersModel(model, dir);

    const input = await grayFacesBatch(await pickFaces(faces, FACES), 64);
    const dims = [FACES, 64, 64, 1] as const;
    const reference = await predictInChunks((x) => model.predict(x) as ReturnType<typeof tf.softmax>, input, dims);
    model.dispose();
    const fromLayersModel = await predictOnnx(await convertTfjs(modelJson), input, dims);
    const fromKeras = await predictOnnx(await convertKerasHdf5(h5), input, dims);
    const layersDiff = maxAbsDiff(fromLayersModel, reference);
    const kerasDiff = maxAbsDiff(fromKeras, reference);
    t.diagnostic(`GEAR eModel (float32) vs tfjs-layers: layers-model->onnx ${layersDiff.toExponential(2)}, keras->onnx ${kerasDiff.toExponential(2)}`);
    assert.ok(layersDiff <= 1e-4, `layers model: max |Δp| ${layersDiff}`);
    assert.ok(kerasDiff <= 1e-4, `Keras file: max |Δp| ${kerasDiff}`);
  });

  it('stops on an unsupported op, naming the op and the node', async (t) => {
    const source = fixture(t, 'models', 'oarriaga-fer2013_mini_XCEPTION.102-0.66', 'tfjs');
    if (!source) return;
    const dir = await mkdtemp(path.join(tmpdir(), 'ferbench-graph-model-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const json = JSON.parse(await readFile(path.join(source, 'emotion-mini.json'), 'utf8')) as { modelTopology: { node: { name: string; op: string }[] } };
    const node = json.modelTopology.node.find((n) => n.op === 'MaxPool');
    assert.ok(node, 'the real graph has a MaxPool node');
    node.op = 'FractionalMaxPool';
    await writeFile(path.join(dir, 'emotion-mini.json'), JSON.stringify(json));
    await copyFile(path.join(source, 'emotion-mini.bin'), path.join(dir, 'emotion-mini.bin'));
    await assert.rejects(
      convertTfjs(path.join(dir, 'emotion-mini.json')),
      (error: unknown) =>
        error instanceof ConversionError &&
        error.code === ConversionErrorCode.UnsupportedOp &&
        error.message.includes("'FractionalMaxPool'") &&
        error.message.includes(`'${node.name}'`),
    );
  });
});
