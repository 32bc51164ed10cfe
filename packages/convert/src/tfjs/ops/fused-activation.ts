import { activation, type Activation } from '../../nhwc/activation.emitter.js';
import type { NhwcTensor } from '../../nhwc/nhwc-tensor.js';
import type { TfNodeAttrs } from '../tf-node-attrs.js';
import type { TfOpContext } from '../tf-op.converter.js';

/** The activation a TF op name stands for (as an op of its own or inside a _Fused* op's fused_ops). */
export function tfActivation(op: string, attrs: TfNodeAttrs): Activation | undefined {
  switch (op) {
    case 'Relu':
      return { kind: 'relu' };
    case 'Relu6':
      return { kind: 'clip', min: 0, max: 6 };
    case 'Elu':
      return { kind: 'elu', alpha: 1 };
    case 'Selu':
      return { kind: 'selu' };
    case 'Sigmoid':
      return { kind: 'sigmoid' };
    case 'Tanh':
      return { kind: 'tanh' };
    case 'Softplus':
      return { kind: 'softplus' };
    case 'LeakyRelu':
      // The op's attr is "alpha"; TF.js' fused ops carry it as "leakyrelu_alpha".
      return { kind: 'leakyRelu', alpha: attrs.has('leakyrelu_alpha') ? attrs.float('leakyrelu_alpha') : attrs.float('alpha', 0.2) };
    default:
      return undefined;
  }
}

/**
 * Splits a _Fused* op's fused_ops into its leading bias term and trailing activation, e.g. [BiasAdd, Relu].
 * Anything else (Prelu, FusedBatchNorm, …) stops the conversion.
 */
export function fusedParts(ctx: TfOpContext): { bias: boolean; activation: Activation | undefined } {
  const ops = ctx.attrs.strings('fused_ops');
  const bias = ops[0] === 'BiasAdd';
  const rest = bias ? ops.slice(1) : ops;
  const tail = rest[0];
  const act = tail === undefined ? undefined : tfActivation(tail, ctx.attrs);
  if (rest.length > 1 || (tail !== undefined && act === undefined)) throw ctx.attrs.unsupported(`fused_ops [${ops.join(', ')}]`);
  return { bias, activation: act };
}

export function applyActivation(ctx: TfOpContext, y: NhwcTensor, act: Activation | undefined): NhwcTensor {
  return act === undefined ? y : activation(ctx.g, y, act, `${ctx.node.name}/${act.kind}`);
}
