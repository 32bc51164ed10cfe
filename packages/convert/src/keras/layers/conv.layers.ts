import { activation, kerasActivation } from '../../nhwc/activation.emitter.js';
import { conv2d, depthwiseConv2d, separableConv2d, type ConvOptions } from '../../nhwc/conv.emitter.js';
import type { NhwcTensor } from '../../nhwc/nhwc-tensor.js';
import type { TfPadding } from '../../nhwc/tf-padding.js';
import type { KerasLayerConfig } from '../keras-layer-config.js';
import { onlyInput, type KerasLayerContext, type KerasLayerConverter } from '../keras-layer.converter.js';

function convOptions(c: KerasLayerConfig, withBias: Float32Array | undefined): ConvOptions {
  c.requireChannelsLast();
  const padding = c.string('padding', 'valid');
  c.require(padding === 'same' || padding === 'valid', `padding '${padding}'`);
  const options: ConvOptions = { strides: c.pair('strides', 1), dilations: c.pair('dilation_rate', 1), padding: padding as TfPadding };
  if (withBias) options.bias = withBias;
  return options;
}

function biasOf(ctx: KerasLayerContext): Float32Array | undefined {
  return ctx.config.boolean('use_bias', true) ? ctx.weight('bias').data : undefined;
}

function finish(ctx: KerasLayerContext, y: NhwcTensor, base: string): NhwcTensor {
  const name = ctx.config.string('activation', 'linear');
  return activation(ctx.g, y, kerasActivation(name, `${ctx.config.className} layer '${ctx.config.layerName}'`), `${base}/${name}`);
}

const conv2dLayer: KerasLayerConverter = (ctx) => {
  const c = ctx.config;
  c.require(!c.has('groups') || c.number('groups') === 1, 'groups > 1');
  const y = conv2d(ctx.g, onlyInput(ctx), ctx.weight('kernel'), convOptions(c, biasOf(ctx)), c.layerName);
  return finish(ctx, y, c.layerName);
};

const depthwiseConv2dLayer: KerasLayerConverter = (ctx) => {
  const c = ctx.config;
  const y = depthwiseConv2d(ctx.g, onlyInput(ctx), ctx.weight('depthwise_kernel'), convOptions(c, biasOf(ctx)), c.layerName);
  return finish(ctx, y, c.layerName);
};

const separableConv2dLayer: KerasLayerConverter = (ctx) => {
  const c = ctx.config;
  const options = convOptions(c, biasOf(ctx));
  const y = separableConv2d(ctx.g, onlyInput(ctx), ctx.weight('depthwise_kernel'), ctx.weight('pointwise_kernel'), options, c.layerName);
  return finish(ctx, y, c.layerName);
};

export const convLayers: Record<string, KerasLayerConverter> = {
  Conv2D: conv2dLayer,
  Convolution2D: conv2dLayer,
  DepthwiseConv2D: depthwiseConv2dLayer,
  SeparableConv2D: separableConv2dLayer,
  SeparableConvolution2D: separableConv2dLayer,
};
