import { attr, type OnnxDim, type OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import { NCHW_FROM_NHWC, NHWC_FROM_NCHW, isImage, type NhwcTensor } from './nhwc-tensor.js';

/** Symbolic name of the batch dimension in graph inputs and outputs. */
export const BATCH_DIM = 'N';

/** Declares a channels-last graph input with a dynamic batch and returns it in stored layout. */
export function graphInput(g: OnnxGraphBuilder, name: string, shape: readonly (number | null)[]): NhwcTensor {
  g.addInput(name, edgeDims(name, shape));
  if (!isImage({ name, shape })) return { name, shape };
  return { name: g.node('Transpose', [name], `${name}/nchw`, { perm: attr.ints(NCHW_FROM_NHWC) }), shape };
}

/** Makes `t` a graph output called `name`, back in channels-last order when it is rank 4. */
export function graphOutput(g: OnnxGraphBuilder, t: NhwcTensor, name: string): void {
  if (isImage(t)) g.node('Transpose', [t.name], `${name}/nhwc`, { perm: attr.ints(NHWC_FROM_NCHW) }, name);
  else g.node('Identity', [t.name], name, {}, name);
  g.addOutput(name, edgeDims(name, t.shape));
}

/** Graph edge dimensions: the batch is always symbolic, other unknown sizes get a name of their own. */
function edgeDims(name: string, shape: readonly (number | null)[]): OnnxDim[] {
  return shape.map((d, i) => (i === 0 ? BATCH_DIM : (d ?? `${name}_dim${i}`)));
}

/** The name of `t` in channels-last order, for ops whose meaning depends on element order (reshape, flatten). */
export function channelsLastName(g: OnnxGraphBuilder, t: NhwcTensor, base: string): string {
  return isImage(t) ? g.node('Transpose', [t.name], `${base}/nhwc`, { perm: attr.ints(NHWC_FROM_NCHW) }) : t.name;
}

/** Wraps a channels-last value: rank-4 results go back to stored (NCHW) order. */
export function fromChannelsLast(g: OnnxGraphBuilder, name: string, shape: readonly (number | null)[], base: string): NhwcTensor {
  if (shape.length !== 4) return { name, shape };
  return { name: g.node('Transpose', [name], `${base}/nchw`, { perm: attr.ints(NCHW_FROM_NHWC) }), shape };
}
