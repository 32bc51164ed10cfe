import { activation } from '../../nhwc/activation.emitter.js';
import { asValue, tensorInput, type TfOpConverter } from '../tf-op.converter.js';
import { tfActivation } from './fused-activation.js';

const elementwise: TfOpConverter = (ctx) => {
  const act = tfActivation(ctx.node.op, ctx.attrs);
  if (act === undefined) throw ctx.attrs.unsupported('this activation');
  return asValue(activation(ctx.g, tensorInput(ctx, 0), act, ctx.node.name));
};

/** TF's Softmax normalizes over the last axis. */
const softmax: TfOpConverter = (ctx) => asValue(activation(ctx.g, tensorInput(ctx, 0), { kind: 'softmax', axis: -1 }, ctx.node.name));

export const activationOps: Record<string, TfOpConverter> = {
  ...Object.fromEntries(['Relu', 'Relu6', 'Elu', 'Selu', 'Sigmoid', 'Tanh', 'Softplus', 'LeakyRelu'].map((op) => [op, elementwise])),
  Softmax: softmax,
};
