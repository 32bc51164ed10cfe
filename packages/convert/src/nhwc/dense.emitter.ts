import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { attr, type OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import type { WeightTensor } from '../weights/weight-tensor.js';
import type { NhwcTensor } from './nhwc-tensor.js';

/** x·kernel + bias for a [N, in] input and an [in, out] kernel (transposeKernel: the kernel is [out, in]). */
export function dense(g: OnnxGraphBuilder, x: NhwcTensor, kernel: WeightTensor, bias: Float32Array | undefined, base: string, transposeKernel = false): NhwcTensor {
  const [rows, cols] = kernel.shape;
  const inputs = x.shape[1];
  if (x.shape.length !== 2 || kernel.shape.length !== 2 || rows === undefined || cols === undefined)
    throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${base}: a matrix product needs a [batch, features] input and a 2-D kernel`);
  const [k, units] = transposeKernel ? [cols, rows] : [rows, cols];
  if (inputs !== null && inputs !== k)
    throw new ConversionError(ConversionErrorCode.BadModelFile, `${base}: kernel expects ${k} inputs, the input has ${inputs}`);
  const names = [x.name, g.floatConstant(`${base}/kernel`, kernel.shape, kernel.data)];
  if (bias) {
    if (bias.length !== units) throw new ConversionError(ConversionErrorCode.BadModelFile, `${base}: bias has ${bias.length} values for ${units} units`);
    names.push(g.floatConstant(`${base}/bias`, [units], bias));
  }
  return { name: g.node('Gemm', names, base, { transB: attr.int(transposeKernel ? 1 : 0) }), shape: [null, units] };
}
