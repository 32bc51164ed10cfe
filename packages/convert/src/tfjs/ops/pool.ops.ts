import { pool2d } from '../../nhwc/pool.emitter.js';
import { asValue, tensorInput, type TfOpConverter } from '../tf-op.converter.js';

const pool =
  (kind: 'max' | 'avg'): TfOpConverter =>
  (ctx) => {
    ctx.attrs.requireNhwc();
    const options = { size: ctx.attrs.spatial('ksize', 1), strides: ctx.attrs.spatial('strides', 1), padding: ctx.attrs.padding() };
    return asValue(pool2d(ctx.g, kind, tensorInput(ctx, 0), options, ctx.node.name));
  };

export const poolOps: Record<string, TfOpConverter> = {
  MaxPool: pool('max'),
  AvgPool: pool('avg'),
};
