import { globalPool2d, pool2d } from '../../nhwc/pool.emitter.js';
import type { TfPadding } from '../../nhwc/tf-padding.js';
import { onlyInput, type KerasLayerConverter } from '../keras-layer.converter.js';

const pooling =
  (kind: 'max' | 'avg'): KerasLayerConverter =>
  (ctx) => {
    const c = ctx.config;
    c.requireChannelsLast();
    const padding = c.string('padding', 'valid');
    c.require(padding === 'same' || padding === 'valid', `padding '${padding}'`);
    const size = c.pair('pool_size', 2);
    // strides: null means "the pool size".
    const strides = c.has('strides') ? c.pair('strides') : size;
    return pool2d(ctx.g, kind, onlyInput(ctx), { size, strides, padding: padding as TfPadding }, c.layerName);
  };

const globalPooling =
  (kind: 'max' | 'avg'): KerasLayerConverter =>
  (ctx) => {
    ctx.config.requireChannelsLast();
    return globalPool2d(ctx.g, kind, onlyInput(ctx), ctx.config.boolean('keepdims', false), ctx.config.layerName);
  };

export const poolingLayers: Record<string, KerasLayerConverter> = {
  MaxPooling2D: pooling('max'),
  MaxPool2D: pooling('max'),
  AveragePooling2D: pooling('avg'),
  AvgPool2D: pooling('avg'),
  GlobalAveragePooling2D: globalPooling('avg'),
  GlobalAvgPool2D: globalPooling('avg'),
  GlobalMaxPooling2D: globalPooling('max'),
  GlobalMaxPool2D: globalPooling('max'),
};
