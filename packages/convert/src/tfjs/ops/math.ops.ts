import { binary, type BinaryOp, type Operand } from '../../nhwc/elementwise.emitter.js';
import { reduceMean } from '../../nhwc/reduce.emitter.js';
import { asValue, floatInput, intInput, tensorInput, type TfOpContext, type TfOpConverter, type TfValue } from '../tf-op.converter.js';

function operand(ctx: TfOpContext, index: number): Operand {
  const value: TfValue | undefined = ctx.inputs[index];
  return value !== undefined && 'constant' in value ? { constant: floatInput(ctx, index) } : { tensor: tensorInput(ctx, index) };
}

const elementwise =
  (op: BinaryOp): TfOpConverter =>
  (ctx) => {
    if (ctx.node.op === 'BiasAdd') ctx.attrs.requireNhwc();
    return asValue(binary(ctx.g, op, operand(ctx, 0), operand(ctx, 1), ctx.node.name));
  };

const mean: TfOpConverter = (ctx) => asValue(reduceMean(ctx.g, tensorInput(ctx, 0), intInput(ctx, 1), ctx.attrs.boolean('keep_dims'), ctx.node.name));

export const mathOps: Record<string, TfOpConverter> = {
  Add: elementwise('Add'),
  AddV2: elementwise('Add'),
  BiasAdd: elementwise('Add'),
  Sub: elementwise('Sub'),
  Mul: elementwise('Mul'),
  RealDiv: elementwise('Div'),
  Maximum: elementwise('Max'),
  Minimum: elementwise('Min'),
  Mean: mean,
};
