import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { attr, type OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import { transposeWeight, type WeightTensor } from '../weights/weight-tensor.js';
import { imageDims, type NhwcTensor } from './nhwc-tensor.js';
import { tfPads, type TfPadding } from './tf-padding.js';

export interface ConvOptions {
  strides: readonly [number, number];
  dilations: readonly [number, number];
  padding: TfPadding;
  /** Per-output-channel bias, folded into the Conv. */
  bias?: Float32Array;
}

/** TensorFlow Conv2D; `kernel` is [kh, kw, in, out] (HWIO). */
export function conv2d(g: OnnxGraphBuilder, x: NhwcTensor, kernel: WeightTensor, options: ConvOptions, base: string): NhwcTensor {
  const [kh, kw, cin, cout] = kernelDims(kernel, base);
  const { channels } = imageDims(x, base);
  if (cin !== channels) throw mismatch(base, `kernel expects ${cin} input channels, the input has ${channels}`);
  return convNode(g, x, transposeWeight(kernel, [3, 2, 0, 1]), [kh, kw], cout, 1, options, base);
}

/** TensorFlow DepthwiseConv2dNative; `kernel` is [kh, kw, in, multiplier], output channel c·multiplier + m. */
export function depthwiseConv2d(g: OnnxGraphBuilder, x: NhwcTensor, kernel: WeightTensor, options: ConvOptions, base: string): NhwcTensor {
  const [kh, kw, cin, multiplier] = kernelDims(kernel, base);
  const { channels } = imageDims(x, base);
  if (cin !== channels) throw mismatch(base, `depthwise kernel expects ${cin} channels, the input has ${channels}`);
  // [kh,kw,C,M] -> [C,M,kh,kw] is, flattened, the ONNX grouped weight [C·M, 1, kh, kw].
  const weight = transposeWeight(kernel, [2, 3, 0, 1]);
  weight.shape = [cin * multiplier, 1, kh, kw];
  return convNode(g, x, weight, [kh, kw], cin * multiplier, cin, options, base);
}

/**
 * Separable conv as TF computes it: depthwise (with the strides, dilations and padding) then a 1×1 pointwise
 * conv that carries the bias.
 */
export function separableConv2d(
  g: OnnxGraphBuilder,
  x: NhwcTensor,
  depthwiseKernel: WeightTensor,
  pointwiseKernel: WeightTensor,
  options: ConvOptions,
  base: string,
): NhwcTensor {
  const { bias, ...window } = options;
  const depthwise = depthwiseConv2d(g, x, depthwiseKernel, window, `${base}/depthwise`);
  const pointwise: ConvOptions = { strides: [1, 1], dilations: [1, 1], padding: 'valid' };
  if (bias) pointwise.bias = bias;
  return conv2d(g, depthwise, pointwiseKernel, pointwise, `${base}/pointwise`);
}

function convNode(
  g: OnnxGraphBuilder,
  x: NhwcTensor,
  weightOihw: WeightTensor,
  kernel: [number, number],
  outChannels: number,
  group: number,
  options: ConvOptions,
  base: string,
): NhwcTensor {
  const { height, width } = imageDims(x, base);
  const { pads, output } = tfPads([height, width], { kernel, strides: options.strides, dilations: options.dilations, padding: options.padding });
  const inputs = [x.name, g.floatConstant(`${base}/weight`, weightOihw.shape, weightOihw.data)];
  if (options.bias) {
    if (options.bias.length !== outChannels) throw mismatch(base, `bias has ${options.bias.length} values for ${outChannels} channels`);
    inputs.push(g.floatConstant(`${base}/bias`, [outChannels], options.bias));
  }
  const name = g.node('Conv', inputs, base, {
    kernel_shape: attr.ints(kernel),
    strides: attr.ints(options.strides),
    dilations: attr.ints(options.dilations),
    pads: attr.ints(pads),
    group: attr.int(group),
  });
  return { name, shape: [null, output[0], output[1], outChannels] };
}

function kernelDims(kernel: WeightTensor, base: string): [number, number, number, number] {
  const [kh, kw, a, b] = kernel.shape;
  if (kernel.shape.length !== 4 || kh === undefined || kw === undefined || a === undefined || b === undefined)
    throw mismatch(base, `expected a rank-4 kernel, got [${kernel.shape.join(',')}]`);
  return [kh, kw, a, b];
}

function mismatch(base: string, what: string): ConversionError {
  return new ConversionError(ConversionErrorCode.BadModelFile, `${base}: ${what}`);
}
