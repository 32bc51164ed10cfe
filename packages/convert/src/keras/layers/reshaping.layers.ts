import { flatten, reshape, zeroPad2d } from '../../nhwc/reshape.emitter.js';
import { onlyInput, type KerasLayerConverter } from '../keras-layer.converter.js';

const flattenLayer: KerasLayerConverter = (ctx) => {
  ctx.config.requireChannelsLast();
  return flatten(ctx.g, onlyInput(ctx), ctx.config.layerName);
};

const reshapeLayer: KerasLayerConverter = (ctx) => {
  const target = ctx.config.shape('target_shape');
  ctx.config.require(target.every((d) => typeof d === 'number'), 'an unknown size in target_shape');
  return reshape(ctx.g, onlyInput(ctx), [-1, ...(target as number[])], ctx.config.layerName);
};

type Pair = [number, number];
const isPair = (v: unknown): v is Pair => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number');

/** Keras' padding forms: n, [h, w] or [[top, bottom], [left, right]]. */
function paddingPairs(p: unknown): [Pair, Pair] | undefined {
  if (typeof p === 'number') return [[p, p], [p, p]];
  if (isPair(p)) return [[p[0], p[0]], [p[1], p[1]]];
  if (Array.isArray(p) && p.length === 2 && isPair(p[0]) && isPair(p[1])) return [p[0], p[1]];
  return undefined;
}

const zeroPadding2dLayer: KerasLayerConverter = (ctx) => {
  const c = ctx.config;
  c.requireChannelsLast();
  const pads = paddingPairs(c.value('padding') ?? 1);
  if (pads === undefined) throw c.unsupported(`padding ${JSON.stringify(c.value('padding'))}`);
  return zeroPad2d(ctx.g, onlyInput(ctx), pads, c.layerName);
};

export const reshapingLayers: Record<string, KerasLayerConverter> = {
  Flatten: flattenLayer,
  Reshape: reshapeLayer,
  ZeroPadding2D: zeroPadding2dLayer,
};
