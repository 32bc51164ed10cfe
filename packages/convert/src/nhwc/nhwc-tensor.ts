import { ConversionError, ConversionErrorCode } from '../conversion-error.js';

/**
 * A value in the graph being built. `shape` is the source framework's (TensorFlow's channels-last) view, batch
 * null. ONNX convolutions want channels first, so every rank-4 tensor is *stored* NCHW in the ONNX graph;
 * the graph's input and output are transposed once at the edges. Other ranks are stored as they are.
 */
export interface NhwcTensor {
  readonly name: string;
  readonly shape: readonly (number | null)[];
}

/** ONNX Transpose perms between the two layouts of a rank-4 tensor. */
export const NCHW_FROM_NHWC = [0, 3, 1, 2] as const;
export const NHWC_FROM_NCHW = [0, 2, 3, 1] as const;

export function isImage(t: NhwcTensor): boolean {
  return t.shape.length === 4;
}

/** The logical axis `axis` (negative counts from the end) of `t`, as an index into the stored tensor. */
export function storedAxis(t: NhwcTensor, axis: number): number {
  const rank = t.shape.length;
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `axis ${axis} is out of range for rank ${rank}`);
  return isImage(t) ? (NCHW_FROM_NHWC.indexOf(a as 0 | 1 | 2 | 3) as number) : a;
}

/** Height, width and channels of a rank-4 tensor; converters need them known to compute TF padding. */
export function imageDims(t: NhwcTensor, what: string): { height: number; width: number; channels: number } {
  const [, height, width, channels] = t.shape;
  if (t.shape.length !== 4 || typeof height !== 'number' || typeof width !== 'number' || typeof channels !== 'number')
    throw new ConversionError(
      ConversionErrorCode.UnsupportedConfig,
      `${what}: needs a [batch, height, width, channels] input with known sizes, got [${t.shape.map((d) => d ?? '?').join(',')}]`,
    );
  return { height, width, channels };
}

export function channelsOf(t: NhwcTensor, what: string): number {
  const c = t.shape[t.shape.length - 1];
  if (typeof c !== 'number') throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${what}: the channel count of its input is unknown`);
  return c;
}
