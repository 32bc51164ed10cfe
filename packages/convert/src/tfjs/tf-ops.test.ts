import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '@ferbench/testkit';
import { grayFacesBatch, pickFaces } from '../parity/fer-test-faces.js';
import { maxAbsDiff } from '../parity/max-abs-diff.js';
import { predictOnnx } from '../parity/onnx-predict.js';
import { loadTfjsArtifacts, predictInChunks, tfjsCpu } from '../parity/tfjs-reference.js';
import type { TfjsWeightSpec } from '../weights/tfjs-weights.reader.js';
import type { TfAttrValue, TfNode } from './tfjs-model-json.js';
import { convertTfjs } from './tfjs.converter.js';

const MINI = ['models', 'oarriaga-fer2013_mini_XCEPTION.102-0.66', 'tfjs'];

interface GraphJson {
  modelTopology: { node: TfNode[] };
  weightsManifest: { paths: string[]; weights: TfjsWeightSpec[] }[];
}

const b64 = (s: string) => Buffer.from(s).toString('base64');
const floatT: Record<string, TfAttrValue> = { T: { type: 'DT_FLOAT' } };

/**
 * Extends a real graph model with the ops its own nodes do not use (_FusedMatMul+Relu, Reshape to rank 4, Relu6,
 * ConcatV2, FusedBatchNormV3, Mean keeping dims, Squeeze, MatMul, BiasAdd, Mul/Sub with constants, Sigmoid, Elu),
 * spliced in between its global average pooling and its softmax; TF.js runs the same file as the reference.
 */
function extendGraph(json: GraphJson, bin: Buffer): { json: GraphJson; bin: Buffer } {
  const nodes = json.modelTopology.node;
  const softmax = nodes.find((n) => n.op === 'Softmax');
  const gap = softmax?.input?.[0];
  assert.ok(softmax && gap, 'the real graph ends in Mean -> Softmax');
  const extra: Buffer[] = [];
  const specs: TfjsWeightSpec[] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
  const constant = (name: string, shape: number[], values?: number[]): string => {
    const count = shape.reduce((a, b) => a * b, 1);
    const data = values ? Int32Array.from(values) : Float32Array.from({ length: count }, () => random() / Math.sqrt(shape[0] ?? 1));
    extra.push(Buffer.from(data.buffer));
    specs.push({ name, shape, dtype: values ? 'int32' : 'float32' });
    const dtype = values ? 'DT_INT32' : 'DT_FLOAT';
    nodes.push({ name, op: 'Const', attr: { dtype: { type: dtype }, value: { tensorShape: { dim: shape.map((size) => ({ size: String(size) })) } } as TfAttrValue } });
    return name;
  };
  const node = (name: string, op: string, input: string[], attr: Record<string, TfAttrValue> = {}) => {
    nodes.push({ name, op, input, attr: { ...floatT, ...attr } });
    return name;
  };
  const matmul = node('x/fused_matmul', '_FusedMatMul', [gap, constant('x/w1', [7, 16]), constant('x/b1', [16])], {
    transpose_a: { b: false },
    transpose_b: { b: false },
    num_args: { i: '1' },
    fused_ops: { list: { s: [b64('BiasAdd'), b64('Relu')] } },
    epsilon: { f: 0 },
  });
  const image = node('x/reshape', 'Reshape', [matmul, constant('x/shape', [4], [-1, 2, 2, 4])], { Tshape: { type: 'DT_INT32' } });
  const clipped = node('x/relu6', 'Relu6', [image]);
  const joined = node('x/concat', 'ConcatV2', [image, clipped, constant('x/axis', [], [3])], { N: { i: '2' }, Tidx: { type: 'DT_INT32' } });
  const variance = constant('x/var', [8]);
  const normed = node('x/bn', 'FusedBatchNormV3', [joined, constant('x/scale', [8]), constant('x/offset', [8]), constant('x/mean', [8]), variance], {
    epsilon: { f: 0.001 },
    data_format: { s: b64('NHWC') },
    is_training: { b: false },
    U: { type: 'DT_FLOAT' },
  });
  const pooled = node('x/mean_keep', 'Mean', [normed, constant('x/axes', [2], [1, 2])], { keep_dims: { b: true }, Tidx: { type: 'DT_INT32' } });
  const flat = node('x/squeeze', 'Squeeze', [pooled], { squeeze_dims: { list: { i: ['1', '2'] } } });
  const logits = node('x/matmul', 'MatMul', [flat, constant('x/w2', [8, 7])], { transpose_a: { b: false }, transpose_b: { b: false } });
  const biased = node('x/bias', 'BiasAdd', [logits, constant('x/b2', [7])], { data_format: { s: b64('NHWC') } });
  const scaled = node('x/mul', 'Mul', [biased, constant('x/k', [7])]);
  const shifted = node('x/sub', 'Sub', [scaled, constant('x/c', [1])]);
  const gate = node('x/sigmoid', 'Sigmoid', [shifted]);
  const smooth = node('x/elu', 'Elu', [shifted]);
  softmax.input = [node('x/add', 'AddV2', [gate, smooth])];
  // abs(var) keeps the batch-norm variance positive, as a trained one is.
  const varSpec = specs.findIndex((s) => s.name === variance);
  const varBuffer = extra[varSpec];
  if (varBuffer) new Float32Array(varBuffer.buffer, varBuffer.byteOffset, 8).forEach((v, i, a) => (a[i] = Math.abs(v) + 0.5));
  const group = json.weightsManifest[0];
  assert.ok(group);
  group.weights.push(...specs);
  return { json, bin: Buffer.concat([bin, ...extra]) };
}

describe('TF.js graph ops', () => {
  it('a real graph extended with the ops its nodes lack converts and matches TF.js within 1e-5', async (t) => {
    const dir = fixture(t, ...MINI);
    const faces = fixture(t, 'data', 'fer2013', 'test');
    if (!dir || !faces) return;
    const original = JSON.parse(await readFile(path.join(dir, 'emotion-mini.json'), 'utf8')) as GraphJson;
    const { json, bin } = extendGraph(original, await readFile(path.join(dir, 'emotion-mini.bin')));
    const work = await mkdtemp(path.join(tmpdir(), 'ferbench-tf-ops-'));
    t.after(() => rm(work, { recursive: true, force: true }));
    const modelJson = path.join(work, 'extended.json');
    await writeFile(modelJson, JSON.stringify(json));
    await writeFile(path.join(work, 'emotion-mini.bin'), bin);

    const count = 20;
    const input = await grayFacesBatch(await pickFaces(faces, count), 64);
    const dims = [count, 64, 64, 1] as const;
    const tf = await tfjsCpu();
    const model = await tf.loadGraphModel(tf.io.fromMemory(await loadTfjsArtifacts(modelJson)));
    const reference = await predictInChunks((x) => model.predict(x) as ReturnType<typeof tf.softmax>, input, dims);
    model.dispose();
    const ours = await predictOnnx(await convertTfjs(modelJson), input, dims);
    const diff = maxAbsDiff(ours, reference);
    t.diagnostic(`extended graph: max |Δp| ${diff.toExponential(2)}; first row ${[...reference.subarray(0, 7)].map((p) => p.toFixed(3)).join(' ')}`);
    assert.ok(diff <= 1e-5, `max |Δp| ${diff}`);
  });

  it('simple_CNN (a TF.js-only model with AvgPool) matches TF.js on 50 FER2013 faces within 1e-4', async (t) => {
    const file = fixture(t, 'models', 'oarriaga-simple_CNN-fer2013', 'tfjs', 'emotion-cnn.json');
    const faces = fixture(t, 'data', 'fer2013', 'test');
    if (!file || !faces) return;
    // 50 faces: the largest model here (2.5 MB of weights) is slow on the TF.js CPU backend.
    const count = 50;
    const input = await grayFacesBatch(await pickFaces(faces, count), 48);
    const dims = [count, 48, 48, 1] as const;
    const tf = await tfjsCpu();
    const model = await tf.loadGraphModel(tf.io.fromMemory(await loadTfjsArtifacts(file)));
    const reference = await predictInChunks((x) => model.predict(x) as ReturnType<typeof tf.softmax>, input, dims);
    model.dispose();
    const diff = maxAbsDiff(await predictOnnx(await convertTfjs(file), input, dims), reference);
    t.diagnostic(`simple_CNN: max |Δp| tfjs->onnx ${diff.toExponential(2)} (vs TF.js CPU)`);
    assert.ok(diff <= 1e-4, `max |Δp| ${diff}`);
  });
});
