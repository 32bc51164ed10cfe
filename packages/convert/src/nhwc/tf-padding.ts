import { ConversionError, ConversionErrorCode } from '../conversion-error.js';

/** TensorFlow padding: SAME, VALID, or explicit [top, bottom, left, right]. */
export type TfPadding = 'same' | 'valid' | { top: number; bottom: number; left: number; right: number };

export interface Window2d {
  kernel: readonly [number, number];
  strides: readonly [number, number];
  dilations: readonly [number, number];
  padding: TfPadding;
}

/**
 * ONNX pads [top, left, bottom, right] and output size for a window as TensorFlow computes it. TF's SAME puts
 * the odd pixel at the end (bottom/right); writing the pads out explicitly keeps that exact instead of relying
 * on auto_pad's SAME_UPPER.
 */
export function tfPads(input: readonly [number, number], w: Window2d): { pads: [number, number, number, number]; output: [number, number] } {
  const [before0, after0, out0] = padAxis(input[0], w.kernel[0], w.strides[0], w.dilations[0], w.padding, 'top', 'bottom');
  const [before1, after1, out1] = padAxis(input[1], w.kernel[1], w.strides[1], w.dilations[1], w.padding, 'left', 'right');
  if (out0 < 1 || out1 < 1)
    throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `a ${w.kernel.join('x')} window does not fit a ${input.join('x')} input`);
  return { pads: [before0, before1, after0, after1], output: [out0, out1] };
}

function padAxis(
  size: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: TfPadding,
  beforeKey: 'top' | 'left',
  afterKey: 'bottom' | 'right',
): [number, number, number] {
  const span = (kernel - 1) * dilation + 1;
  if (padding === 'valid') return [0, 0, Math.floor((size - span) / stride) + 1];
  if (padding === 'same') {
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + span - size, 0);
    const before = Math.floor(total / 2);
    return [before, total - before, out];
  }
  const before = padding[beforeKey];
  const after = padding[afterKey];
  return [before, after, Math.floor((size + before + after - span) / stride) + 1];
}
