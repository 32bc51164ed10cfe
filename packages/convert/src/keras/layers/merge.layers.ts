import { ConversionError, ConversionErrorCode } from '../../conversion-error.js';
import { binary, concat, foldBinary, type BinaryOp } from '../../nhwc/elementwise.emitter.js';
import type { NhwcTensor } from '../../nhwc/nhwc-tensor.js';
import type { KerasLayerContext, KerasLayerConverter } from '../keras-layer.converter.js';

function atLeastTwo(ctx: KerasLayerContext): readonly NhwcTensor[] {
  if (ctx.inputs.length < 2)
    throw new ConversionError(ConversionErrorCode.BadModelFile, `${ctx.config.className} layer '${ctx.config.layerName}' needs at least two inputs`);
  return ctx.inputs;
}

const fold =
  (op: BinaryOp): KerasLayerConverter =>
  (ctx) =>
    foldBinary(ctx.g, op, atLeastTwo(ctx), ctx.config.layerName);

const subtractLayer: KerasLayerConverter = (ctx) => {
  ctx.config.require(ctx.inputs.length === 2, `${ctx.inputs.length} inputs (exactly two)`);
  return fold('Sub')(ctx);
};

const averageLayer: KerasLayerConverter = (ctx) => {
  const inputs = atLeastTwo(ctx);
  const total = foldBinary(ctx.g, 'Add', inputs, `${ctx.config.layerName}/sum`);
  return binary(ctx.g, 'Mul', { tensor: total }, { constant: { shape: [], data: Float32Array.of(1 / inputs.length) } }, ctx.config.layerName);
};

const concatenateLayer: KerasLayerConverter = (ctx) => concat(ctx.g, atLeastTwo(ctx), ctx.config.number('axis', -1), ctx.config.layerName);

export const mergeLayers: Record<string, KerasLayerConverter> = {
  Add: fold('Add'),
  Subtract: subtractLayer,
  Multiply: fold('Mul'),
  Maximum: fold('Max'),
  Minimum: fold('Min'),
  Average: averageLayer,
  Concatenate: concatenateLayer,
};
