import { dense } from '../../nhwc/dense.emitter.js';
import { asValue, floatInput, tensorInput, type TfOpContext, type TfOpConverter } from '../tf-op.converter.js';
import { applyActivation, fusedParts } from './fused-activation.js';

/** x·W with W a constant; transpose_a is not supported (it never follows a Keras Dense layer). */
function matmul(ctx: TfOpContext, bias: Float32Array | undefined) {
  if (ctx.attrs.boolean('transpose_a')) throw ctx.attrs.unsupported('transpose_a');
  return dense(ctx.g, tensorInput(ctx, 0), floatInput(ctx, 1), bias, ctx.node.name, ctx.attrs.boolean('transpose_b'));
}

const matMulOp: TfOpConverter = (ctx) => asValue(matmul(ctx, undefined));

const fusedMatMulOp: TfOpConverter = (ctx) => {
  const { bias, activation } = fusedParts(ctx);
  return asValue(applyActivation(ctx, matmul(ctx, bias ? floatInput(ctx, 2).data : undefined), activation));
};

export const matmulOps: Record<string, TfOpConverter> = {
  MatMul: matMulOp,
  _FusedMatMul: fusedMatMulOp,
};
