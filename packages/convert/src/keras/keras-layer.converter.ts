import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import type { NhwcTensor } from '../nhwc/nhwc-tensor.js';
import type { OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import type { WeightTensor } from '../weights/weight-tensor.js';
import type { KerasLayerConfig } from './keras-layer-config.js';

/** A layer's weights by their short Keras name (kernel, bias, gamma, moving_mean, depthwise_kernel, …). */
export type KerasLayerWeights = ReadonlyMap<string, WeightTensor>;

/** Everything a layer converter may use; it returns the layer's output. */
export interface KerasLayerContext {
  g: OnnxGraphBuilder;
  config: KerasLayerConfig;
  inputs: readonly NhwcTensor[];
  /** The named weight, or a ConversionError naming the layer. */
  weight(shortName: string): WeightTensor;
}

export type KerasLayerConverter = (ctx: KerasLayerContext) => NhwcTensor;

/** The single input of a layer that takes one. */
export function onlyInput(ctx: KerasLayerContext): NhwcTensor {
  const [x, ...rest] = ctx.inputs;
  if (x === undefined || rest.length > 0)
    throw new ConversionError(ConversionErrorCode.BadModelFile, `${ctx.config.className} layer '${ctx.config.layerName}' expects one input, got ${ctx.inputs.length}`);
  return x;
}
