import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type * as tfTypes from '@tensorflow/tfjs';
import { maxAbsDiff } from '../parity/max-abs-diff.js';
import { predictOnnx } from '../parity/onnx-predict.js';
import { writeLayersModel } from '../parity/tfjs-layers-model-file.js';
import { predictInChunks, tfjsCpu } from '../parity/tfjs-reference.js';
import { convertTfjs } from '../tfjs/tfjs.converter.js';

type Tf = typeof tfTypes;

/** Seeded random weights scaled by fan-in, so activations neither vanish nor saturate the softmax; variances positive. */
function randomizeWeights(tf: Tf, model: tfTypes.LayersModel): void {
  let seed = 1;
  for (const layer of model.layers)
    layer.setWeights(
      layer.weights.map((w) => {
        const shape = w.shape as number[];
        if (w.originalName.endsWith('moving_variance')) return tf.randomUniform(shape, 0.5, 1.5, 'float32', seed++);
        const fanIn = shape.length > 1 ? shape.slice(0, -1).reduce((a, b) => a * b, 1) : 25;
        return tf.randomNormal(shape, 0, 1 / Math.sqrt(fanIn), 'float32', seed++);
      }),
    );
}

/**
 * A functional model with every layer type the real zoo files do not use, on an odd-sized input so TF's
 * asymmetric SAME padding matters: strided conv, depthwise conv, ReLU(max_value), separable conv, Add,
 * BatchNormalization, ELU activation, average and max pooling (SAME), Concatenate, ZeroPadding2D, LeakyReLU,
 * VALID conv with a non-square kernel, Flatten, Dropout, Dense, GlobalAveragePooling2D, softmax.
 */
function functionalModel(tf: Tf): tfTypes.LayersModel {
  const l = tf.layers;
  const image = tf.input({ shape: [13, 11, 3], name: 'image' });
  const a = l.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', name: 'conv_a' }).apply(image) as tfTypes.SymbolicTensor;
  const b = l.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'same', name: 'depthwise_b' }).apply(a) as tfTypes.SymbolicTensor;
  const r = l.reLU({ maxValue: 6, name: 'relu6_b' }).apply(b) as tfTypes.SymbolicTensor;
  const c = l.separableConv2d({ filters: 16, kernelSize: 3, padding: 'same', name: 'separable_c' }).apply(a) as tfTypes.SymbolicTensor;
  const sum = l.add({ name: 'add_rc' }).apply([r, c]) as tfTypes.SymbolicTensor;
  const bn = l.batchNormalization({ name: 'bn' }).apply(sum) as tfTypes.SymbolicTensor;
  const act = l.activation({ activation: 'elu', name: 'elu' }).apply(bn) as tfTypes.SymbolicTensor;
  const avg = l.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same', name: 'avg_pool' }).apply(act) as tfTypes.SymbolicTensor;
  const max = l.maxPooling2d({ poolSize: 2, strides: 2, padding: 'same', name: 'max_pool' }).apply(act) as tfTypes.SymbolicTensor;
  const cat = l.concatenate({ name: 'concat' }).apply([avg, max]) as tfTypes.SymbolicTensor;
  const padded = l.zeroPadding2d({ padding: [[1, 0], [0, 2]], name: 'pad' }).apply(cat) as tfTypes.SymbolicTensor;
  const leaky = l.leakyReLU({ alpha: 0.1, name: 'leaky' }).apply(padded) as tfTypes.SymbolicTensor;
  const valid = l.conv2d({ filters: 4, kernelSize: [2, 3], padding: 'valid', name: 'conv_valid' }).apply(leaky) as tfTypes.SymbolicTensor;
  const flat = l.flatten({ name: 'flatten' }).apply(valid) as tfTypes.SymbolicTensor;
  const dropped = l.dropout({ rate: 0.5, name: 'dropout' }).apply(flat) as tfTypes.SymbolicTensor;
  const hidden = l.dense({ units: 10, activation: 'relu', name: 'dense_hidden' }).apply(dropped) as tfTypes.SymbolicTensor;
  const pooled = l.globalAveragePooling2d({ name: 'gap' }).apply(leaky) as tfTypes.SymbolicTensor;
  const joined = l.concatenate({ name: 'join' }).apply([hidden, pooled]) as tfTypes.SymbolicTensor;
  const out = l.dense({ units: 7, activation: 'softmax', name: 'probabilities' }).apply(joined) as tfTypes.SymbolicTensor;
  return tf.model({ inputs: image, outputs: out, name: 'functional_zoo_gaps' });
}

/** A Sequential model (no InputLayer entry: the first layer carries batch_input_shape). */
function sequentialModel(tf: Tf): tfTypes.LayersModel {
  const l = tf.layers;
  return tf.sequential({
    name: 'sequential_small',
    layers: [
      l.conv2d({ inputShape: [9, 9, 1], filters: 4, kernelSize: 3, strides: 2, padding: 'same', name: 'conv' }),
      l.batchNormalization({ name: 'bn' }),
      l.reLU({ name: 'relu' }),
      l.averagePooling2d({ poolSize: 2, padding: 'valid', name: 'avg' }),
      l.flatten({ name: 'flatten' }),
      l.dense({ units: 5, activation: 'softmax', name: 'out' }),
    ],
  });
}

describe('Keras layers against tfjs-layers (TF.js layers models)', () => {
  for (const [name, build, shape] of [
    ['functional model with the layers the zoo files lack', functionalModel, [16, 13, 11, 3]],
    ['sequential model', sequentialModel, [16, 9, 9, 1]],
  ] as const) {
    it(`${name}: ONNX matches tfjs-layers within 1e-5`, async (t) => {
      const tf = await tfjsCpu();
      const model = build(tf);
      randomizeWeights(tf, model);
      const dir = await mkdtemp(path.join(tmpdir(), 'ferbench-keras-layers-'));
      t.after(() => rm(dir, { recursive: true, force: true }));
      const modelJson = await writeLayersModel(model, dir);
      const input = tf.randomUniform([...shape], -1, 1, 'float32', 42).dataSync() as Float32Array;
      const reference = await predictInChunks((x) => model.predict(x) as tfTypes.Tensor, input, shape);
      const ours = await predictOnnx(await convertTfjs(modelJson), input, shape);
      const diff = maxAbsDiff(ours, reference);
      t.diagnostic(`first row ${[...reference.subarray(0, 7)].map((p) => p.toFixed(3)).join(' ')}`);
      t.diagnostic(`${name}: max |Δp| ${diff.toExponential(2)}`);
      assert.ok(diff <= 1e-5, `max |Δp| ${diff}`);
    });
  }
});
