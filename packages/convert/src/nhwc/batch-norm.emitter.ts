import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { attr, type OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import { channelsOf, type NhwcTensor } from './nhwc-tensor.js';

export interface BatchNormParams {
  gamma: Float32Array;
  beta: Float32Array;
  mean: Float32Array;
  variance: Float32Array;
  epsilon: number;
}

/** Inference-time batch normalization over the channel (last) axis, stored as axis 1 in either layout. */
export function batchNorm(g: OnnxGraphBuilder, x: NhwcTensor, p: BatchNormParams, base: string): NhwcTensor {
  const channels = channelsOf(x, base);
  if (x.shape.length !== 4 && x.shape.length !== 2)
    throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${base}: batch normalization of a rank-${x.shape.length} value`);
  for (const [key, values] of Object.entries({ gamma: p.gamma, beta: p.beta, mean: p.mean, variance: p.variance }))
    if (values.length !== channels)
      throw new ConversionError(ConversionErrorCode.BadModelFile, `${base}: ${key} has ${values.length} values for ${channels} channels`);
  const inputs = [
    x.name,
    g.floatConstant(`${base}/gamma`, [channels], p.gamma),
    g.floatConstant(`${base}/beta`, [channels], p.beta),
    g.floatConstant(`${base}/mean`, [channels], p.mean),
    g.floatConstant(`${base}/variance`, [channels], p.variance),
  ];
  return { name: g.node('BatchNormalization', inputs, base, { epsilon: attr.float(p.epsilon) }), shape: x.shape };
}
