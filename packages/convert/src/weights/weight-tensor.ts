import { ConversionError, ConversionErrorCode } from '../conversion-error.js';

/** A constant read from a model file, row-major in the source framework's layout. */
export interface WeightTensor {
  shape: number[];
  data: Float32Array;
}

/** An integer constant (TF.js graphs carry axes and shapes as int32 tensors). */
export interface IntTensor {
  shape: number[];
  data: Int32Array;
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

export function checkShape(weight: WeightTensor, expected: readonly number[], what: string): WeightTensor {
  if (weight.shape.length !== expected.length || weight.shape.some((d, i) => d !== expected[i]))
    throw new ConversionError(ConversionErrorCode.BadModelFile, `${what}: expected shape [${expected.join(',')}], got [${weight.shape.join(',')}]`);
  return weight;
}

/** Permutes the axes of a row-major tensor: result axis i is source axis perm[i]. */
export function transposeWeight(weight: WeightTensor, perm: readonly number[]): WeightTensor {
  const rank = weight.shape.length;
  const shape = perm.map((p) => weight.shape[p] ?? 0);
  const sourceStrides = stridesOf(weight.shape);
  const strideForResultAxis = perm.map((p) => sourceStrides[p] ?? 0);
  const out = new Float32Array(weight.data.length);
  const index = new Array<number>(rank).fill(0);
  let source = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = weight.data[source] ?? 0;
    // Odometer over the result's index, keeping the matching source offset in step.
    for (let axis = rank - 1; axis >= 0; axis--) {
      const next = (index[axis] ?? 0) + 1;
      if (next < (shape[axis] ?? 0)) {
        index[axis] = next;
        source += strideForResultAxis[axis] ?? 0;
        break;
      }
      index[axis] = 0;
      source -= (next - 1) * (strideForResultAxis[axis] ?? 0);
    }
  }
  return { shape, data: out };
}

function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = (strides[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  return strides;
}
