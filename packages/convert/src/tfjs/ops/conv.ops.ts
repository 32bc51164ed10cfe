import { conv2d, depthwiseConv2d, type ConvOptions } from '../../nhwc/conv.emitter.js';
import type { NhwcTensor } from '../../nhwc/nhwc-tensor.js';
import type { OnnxGraphBuilder } from '../../onnx/onnx-graph.builder.js';
import type { WeightTensor } from '../../weights/weight-tensor.js';
import { asValue, floatInput, tensorInput, type TfOpContext, type TfOpConverter } from '../tf-op.converter.js';
import { applyActivation, fusedParts } from './fused-activation.js';

type ConvEmitter = (g: OnnxGraphBuilder, x: NhwcTensor, kernel: WeightTensor, options: ConvOptions, base: string) => NhwcTensor;

function options(ctx: TfOpContext): ConvOptions {
  ctx.attrs.requireNhwc();
  return { strides: ctx.attrs.spatial('strides', 1), dilations: ctx.attrs.spatial('dilations', 1), padding: ctx.attrs.padding() };
}

const plain =
  (emit: ConvEmitter): TfOpConverter =>
  (ctx) =>
    asValue(emit(ctx.g, tensorInput(ctx, 0), floatInput(ctx, 1), options(ctx), ctx.node.name));

/** _FusedConv2D / FusedDepthwiseConv2dNative: conv, then [BiasAdd] (folded into the Conv), then an activation. */
const fused =
  (emit: ConvEmitter): TfOpConverter =>
  (ctx) => {
    const { bias, activation } = fusedParts(ctx);
    const o = options(ctx);
    if (bias) o.bias = floatInput(ctx, 2).data;
    return asValue(applyActivation(ctx, emit(ctx.g, tensorInput(ctx, 0), floatInput(ctx, 1), o, ctx.node.name), activation));
  };

export const convOps: Record<string, TfOpConverter> = {
  Conv2D: plain(conv2d),
  DepthwiseConv2dNative: plain(depthwiseConv2d),
  _FusedConv2D: fused(conv2d),
  FusedDepthwiseConv2dNative: fused(depthwiseConv2d),
};
