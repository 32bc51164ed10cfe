import { concat } from '../../nhwc/elementwise.emitter.js';
import { reshape, squeeze } from '../../nhwc/reshape.emitter.js';
import { asValue, intInput, tensorInput, type TfOpConverter } from '../tf-op.converter.js';

const identity: TfOpConverter = (ctx) => {
  const value = ctx.inputs[0];
  if (value === undefined) throw ctx.attrs.unsupported('an Identity without input');
  return value;
};

const reshapeOp: TfOpConverter = (ctx) => asValue(reshape(ctx.g, tensorInput(ctx, 0), intInput(ctx, 1), ctx.node.name));

const squeezeOp: TfOpConverter = (ctx) => {
  const x = tensorInput(ctx, 0);
  const dims = ctx.attrs.ints('squeeze_dims');
  const axes = dims.length > 0 ? dims : x.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  return asValue(squeeze(ctx.g, x, axes, ctx.node.name));
};

/** ConcatV2: values…, axis (the last input). */
const concatOp: TfOpConverter = (ctx) => {
  const last = ctx.inputs.length - 1;
  const [axis] = intInput(ctx, last);
  const values = ctx.inputs.slice(0, last).map((_, i) => tensorInput(ctx, i));
  return asValue(concat(ctx.g, values, axis ?? -1, ctx.node.name));
};

export const shapeOps: Record<string, TfOpConverter> = {
  Identity: identity,
  Reshape: reshapeOp,
  Squeeze: squeezeOp,
  ConcatV2: concatOp,
};
