import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { attr, type OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import { channelsLastName, fromChannelsLast } from './layout.emitter.js';
import { isImage, type NhwcTensor } from './nhwc-tensor.js';

/** Keras Flatten: [N, ...] -> [N, product], in channels-last element order. */
export function flatten(g: OnnxGraphBuilder, x: NhwcTensor, base: string): NhwcTensor {
  if (x.shape.length === 2) return x;
  const rest = x.shape.slice(1);
  const size = rest.every((d) => typeof d === 'number') ? rest.reduce<number>((n, d) => n * (d ?? 1), 1) : null;
  return { name: g.node('Flatten', [channelsLastName(g, x, base)], base, { axis: attr.int(1) }), shape: [null, size] };
}

/**
 * Reshape to `shape` given with its batch dimension (−1 or 0 for the batch, at most one other −1), in
 * channels-last element order.
 */
export function reshape(g: OnnxGraphBuilder, x: NhwcTensor, shape: readonly number[], base: string): NhwcTensor {
  const [, ...rest] = shape;
  if (shape.length === 0) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${base}: reshape to a scalar`);
  const known = x.shape.slice(1).every((d) => typeof d === 'number') ? x.shape.slice(1).reduce<number>((n, d) => n * (d ?? 1), 1) : null;
  const restKnown = rest.filter((d) => d !== -1).reduce((n, d) => n * d, 1);
  const resolved = rest.map((d) => (d === -1 ? (known === null ? null : known / restKnown) : d));
  const target = g.int64Constant(`${base}/shape`, [0, ...rest]);
  const name = g.node('Reshape', [channelsLastName(g, x, base), target], base);
  return fromChannelsLast(g, name, [null, ...resolved], base);
}

/** Drops size-1 axes (logical indices). */
export function squeeze(g: OnnxGraphBuilder, x: NhwcTensor, axes: readonly number[], base: string): NhwcTensor {
  const rank = x.shape.length;
  const drop = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
  const shape = x.shape.filter((_, i) => !drop.has(i));
  const axesName = g.int64Constant(`${base}/axes`, [...drop].sort((a, b) => a - b));
  // Squeezing never leaves rank 4, so the result is stored as it is, in channels-last order.
  return { name: g.node('Squeeze', [channelsLastName(g, x, base), axesName], base), shape };
}

/** Zero padding of height and width: [[top, bottom], [left, right]]. */
export function zeroPad2d(g: OnnxGraphBuilder, x: NhwcTensor, [[top, bottom], [left, right]]: readonly [readonly [number, number], readonly [number, number]], base: string): NhwcTensor {
  const [n, h, w, c] = x.shape;
  if (!isImage(x)) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${base}: 2-D padding needs a rank-4 input`);
  // Stored NCHW: pads are [n, c, h, w] begins then ends.
  const pads = g.int64Constant(`${base}/pads`, [0, 0, top, left, 0, 0, bottom, right]);
  const grow = (d: number | null | undefined, by: number) => (typeof d === 'number' ? d + by : null);
  return { name: g.node('Pad', [x.name, pads], base), shape: [n ?? null, grow(h, top + bottom), grow(w, left + right), c ?? null] };
}
