import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { activation } from '../nhwc/activation.emitter.js';
import { conv2d, separableConv2d } from '../nhwc/conv.emitter.js';
import { dense } from '../nhwc/dense.emitter.js';
import { binary } from '../nhwc/elementwise.emitter.js';
import { graphInput, graphOutput } from '../nhwc/layout.emitter.js';
import type { NhwcTensor } from '../nhwc/nhwc-tensor.js';
import { pool2d } from '../nhwc/pool.emitter.js';
import { flatten } from '../nhwc/reshape.emitter.js';
import { OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import { sourceMetadata } from '../source-metadata.js';
import { readTfjsWeights, type TfjsWeightGroup } from '../weights/tfjs-weights.reader.js';
import type { WeightTensor } from '../weights/weight-tensor.js';

/** Names of the converted graph's input and output. */
export const FACE_EXPRESSION_INPUT = 'input';
export const FACE_EXPRESSION_OUTPUT = 'expressions';
const INPUT_SIZE = 112;

/**
 * face-api's FaceExpressionNet, re-implemented from its source (faceFeatureExtractor/FaceFeatureExtractor.ts,
 * denseBlock.ts, faceProcessor/FaceProcessor.ts, faceExpressionNet/FaceExpressionNet.ts) because the weights
 * file carries no graph. The input is face-api's *normalized* batch, (rgb − [122.782, 117.001, 104.298]) / 255,
 * NHWC 112×112×3: that normalization belongs to the model card, like every other model's.
 */
export async function convertFaceExpressionNet(manifestPath: string): Promise<Uint8Array> {
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as TfjsWeightGroup[];
  if (!Array.isArray(manifest)) throw new ConversionError(ConversionErrorCode.BadModelFile, `${manifestPath} is not a TF.js weights manifest (a JSON array)`);
  const dir = path.dirname(manifestPath);
  const raw = await readTfjsWeights(dir, manifest);
  const weight = (name: string): WeightTensor => {
    const w = raw.get(name);
    if (w === undefined || w.dtype !== 'float32') throw new ConversionError(ConversionErrorCode.MissingWeight, `face-api weights manifest has no float weight '${name}'`);
    return w;
  };

  const g = new OnnxGraphBuilder();
  g.reserve(FACE_EXPRESSION_OUTPUT);
  let x = graphInput(g, FACE_EXPRESSION_INPUT, [null, INPUT_SIZE, INPUT_SIZE, 3]);
  for (const block of ['dense0', 'dense1', 'dense2', 'dense3']) x = denseBlock4(g, x, block, weight, block === 'dense0');
  const pooled = pool2d(g, 'avg', x, { size: [7, 7], strides: [2, 2], padding: 'valid' }, 'avg_pool');
  const logits = dense(g, flatten(g, pooled, 'features'), weight('fc/weights'), weight('fc/bias').data, 'fc');
  graphOutput(g, activation(g, logits, { kind: 'softmax', axis: -1 }, 'softmax'), FACE_EXPRESSION_OUTPUT);

  const files = [manifestPath, ...manifest.flatMap((group) => group.paths.map((p) => path.join(dir, p)))];
  return g.toBytes('face_expression_net', await sourceMetadata('faceapi-face-expression', files));
}

/**
 * denseBlock4: out1 = relu(conv0(x)) (a plain 3×3 conv in the first block, else separable; stride 2), then three
 * separable convs each reading relu of the running sum, summed in face-api's order: out1 + (out2 + (out3 + out4)).
 */
function denseBlock4(g: OnnxGraphBuilder, x: NhwcTensor, block: string, weight: (name: string) => WeightTensor, first: boolean): NhwcTensor {
  const stride2 = { strides: [2, 2] as const, dilations: [1, 1] as const, padding: 'same' as const, bias: weight(`${block}/conv0/bias`).data };
  const conv0 = first
    ? conv2d(g, x, weight(`${block}/conv0/filters`), stride2, `${block}/conv0`)
    : separableConv2d(g, x, weight(`${block}/conv0/depthwise_filter`), weight(`${block}/conv0/pointwise_filter`), stride2, `${block}/conv0`);
  const out1 = activation(g, conv0, { kind: 'relu' }, `${block}/relu0`);
  const sep = (input: NhwcTensor, conv: string) =>
    separableConv2d(
      g,
      input,
      weight(`${block}/${conv}/depthwise_filter`),
      weight(`${block}/${conv}/pointwise_filter`),
      { strides: [1, 1], dilations: [1, 1], padding: 'same', bias: weight(`${block}/${conv}/bias`).data },
      `${block}/${conv}`,
    );
  const add = (a: NhwcTensor, b: NhwcTensor, name: string) => binary(g, 'Add', { tensor: a }, { tensor: b }, `${block}/${name}`);
  const relu = (t: NhwcTensor, name: string) => activation(g, t, { kind: 'relu' }, `${block}/${name}`);

  const out2 = sep(out1, 'conv1');
  const out3 = sep(relu(add(out1, out2, 'add1'), 'relu1'), 'conv2');
  const out4 = sep(relu(add(out1, add(out2, out3, 'add2a'), 'add2'), 'relu2'), 'conv3');
  return relu(add(out1, add(out2, add(out3, out4, 'add3b'), 'add3a'), 'add3'), 'relu3');
}
