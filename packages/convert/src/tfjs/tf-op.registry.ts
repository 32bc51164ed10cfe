import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { activationOps } from './ops/activation.ops.js';
import { convOps } from './ops/conv.ops.js';
import { mathOps } from './ops/math.ops.js';
import { matmulOps } from './ops/matmul.ops.js';
import { normalizationOps } from './ops/normalization.ops.js';
import { poolOps } from './ops/pool.ops.js';
import { shapeOps } from './ops/shape.ops.js';
import type { TfOpConverter } from './tf-op.converter.js';

const converters: Record<string, TfOpConverter> = {
  ...convOps,
  ...matmulOps,
  ...poolOps,
  ...activationOps,
  ...mathOps,
  ...shapeOps,
  ...normalizationOps,
};

/** TensorFlow ops the graph-model converter handles (Placeholder and Const are the inputs and weights). */
export const SUPPORTED_TF_OPS: readonly string[] = ['Placeholder', 'Const', ...Object.keys(converters)].sort();

export function tfOpConverter(op: string, nodeName: string): TfOpConverter {
  const converter = Object.hasOwn(converters, op) ? converters[op] : undefined;
  if (converter === undefined) throw new ConversionError(ConversionErrorCode.UnsupportedOp, `unsupported TensorFlow op '${op}' (node '${nodeName}')`);
  return converter;
}
