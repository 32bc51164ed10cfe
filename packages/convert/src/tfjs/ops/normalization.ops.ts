import { batchNorm } from '../../nhwc/batch-norm.emitter.js';
import { asValue, floatInput, tensorInput, type TfOpConverter } from '../tf-op.converter.js';

/** FusedBatchNorm(V3) at inference: x, scale, offset, mean, variance. */
const fusedBatchNorm: TfOpConverter = (ctx) => {
  ctx.attrs.requireNhwc();
  if (ctx.attrs.boolean('is_training')) throw ctx.attrs.unsupported('is_training');
  return asValue(
    batchNorm(
      ctx.g,
      tensorInput(ctx, 0),
      {
        gamma: floatInput(ctx, 1).data,
        beta: floatInput(ctx, 2).data,
        mean: floatInput(ctx, 3).data,
        variance: floatInput(ctx, 4).data,
        epsilon: ctx.attrs.float('epsilon', 1e-3),
      },
      ctx.node.name,
    ),
  );
};

export const normalizationOps: Record<string, TfOpConverter> = {
  FusedBatchNorm: fusedBatchNorm,
  FusedBatchNormV3: fusedBatchNorm,
};
