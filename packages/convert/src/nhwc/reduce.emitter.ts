import { attr, type OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import { channelsLastName } from './layout.emitter.js';
import { isImage, storedAxis, type NhwcTensor } from './nhwc-tensor.js';

/** Mean over logical `axes`. */
export function reduceMean(g: OnnxGraphBuilder, x: NhwcTensor, axes: readonly number[], keepDims: boolean, base: string): NhwcTensor {
  const rank = x.shape.length;
  const logical = [...new Set(axes.map((a) => (a < 0 ? a + rank : a)))].sort((a, b) => a - b);
  const shape = keepDims ? x.shape.map((d, i) => (logical.includes(i) ? 1 : d)) : x.shape.filter((_, i) => !logical.includes(i));
  const kept = x.shape.map((_, i) => i).filter((i) => !logical.includes(i));
  const keptStored = kept.map((i) => storedAxis(x, i));
  // Reduce the stored tensor directly when the axes left over stay in logical order (e.g. NCHW mean over H,W
  // -> [N,C]); otherwise go through channels-last order.
  const direct = !isImage(x) || keepDims || keptStored.every((a, i) => i === 0 || a > (keptStored[i - 1] ?? -1));
  const input = direct ? x.name : channelsLastName(g, x, base);
  const reduceAxes = direct ? logical.map((a) => storedAxis(x, a)) : logical;
  const name = g.node('ReduceMean', [input], base, { axes: attr.ints(reduceAxes), keepdims: attr.int(keepDims ? 1 : 0) });
  return { name, shape };
}
