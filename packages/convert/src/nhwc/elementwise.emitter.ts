import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { attr, type OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import { transposeWeight, type WeightTensor } from '../weights/weight-tensor.js';
import { isImage, storedAxis, type NhwcTensor } from './nhwc-tensor.js';

export type BinaryOp = 'Add' | 'Sub' | 'Mul' | 'Div' | 'Max' | 'Min';

/** One side of a binary op: a graph value or a constant from the model file. */
export type Operand = { tensor: NhwcTensor } | { constant: WeightTensor };

/** An element-wise op with TensorFlow (numpy) broadcasting, whichever layout the values are stored in. */
export function binary(g: OnnxGraphBuilder, op: BinaryOp, a: Operand, b: Operand, base: string): NhwcTensor {
  const tensors = [a, b].flatMap((o) => ('tensor' in o ? [o.tensor] : []));
  const first = tensors[0];
  if (first === undefined) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${base}: ${op} of two constants`);
  const image = tensors.some(isImage);
  if (image && tensors.some((t) => t.shape.length !== 4))
    throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${base}: ${op} between a rank-4 and a lower-rank value`);
  const names = [a, b].map((o, i) => ('tensor' in o ? o.tensor.name : storedConstant(g, o.constant, image, `${base}/${i === 0 ? 'a' : 'b'}`)));
  const shapes = [a, b].map((o) => ('tensor' in o ? o.tensor.shape : o.constant.shape));
  return { name: g.node(op, names, base), shape: broadcastShape(shapes[0] ?? [], shapes[1] ?? [], base) };
}

/** Applies `op` to any number of values left to right, as Keras' merge layers (Add, Multiply, …) do. */
export function foldBinary(g: OnnxGraphBuilder, op: BinaryOp, values: readonly NhwcTensor[], base: string): NhwcTensor {
  const [head, ...rest] = values;
  if (head === undefined) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${base}: ${op} of nothing`);
  return rest.reduce((acc, t, i) => binary(g, op, { tensor: acc }, { tensor: t }, rest.length === 1 ? base : `${base}/${i}`), head);
}

export function concat(g: OnnxGraphBuilder, values: readonly NhwcTensor[], axis: number, base: string): NhwcTensor {
  const head = values[0];
  if (head === undefined) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${base}: nothing to concatenate`);
  const rank = head.shape.length;
  const a = axis < 0 ? axis + rank : axis;
  const shape = head.shape.map((d, i) =>
    i === a ? values.reduce<number | null>((n, v) => (n === null || v.shape[i] == null ? null : n + (v.shape[i] ?? 0)), 0) : d,
  );
  return { name: g.node('Concat', values.map((v) => v.name), base, { axis: attr.int(storedAxis(head, a)) }), shape };
}

/** A constant laid out to broadcast against stored values: for NCHW storage its NHWC axes are permuted too. */
function storedConstant(g: OnnxGraphBuilder, c: WeightTensor, image: boolean, base: string): string {
  if (!image || c.shape.length === 0) return g.floatConstant(base, c.shape, c.data);
  if (c.shape.length > 4) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${base}: constant of rank ${c.shape.length}`);
  const padded = { shape: [...new Array<number>(4 - c.shape.length).fill(1), ...c.shape], data: c.data };
  const nchw = transposeWeight(padded, [0, 3, 1, 2]);
  return g.floatConstant(base, nchw.shape, nchw.data);
}

function broadcastShape(a: readonly (number | null)[], b: readonly (number | null)[], base: string): (number | null)[] {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, i) => {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    if (x === 1) return y;
    if (y === 1 || x === y) return x;
    if (x === null || y === null) return x ?? y;
    throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${base}: shapes [${a.join(',')}] and [${b.join(',')}] do not broadcast`);
  });
}
