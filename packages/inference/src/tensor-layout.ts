import type { ModelInput } from '@ferbench/shared';

/** Numbers in one image's tensor. */
export function tensorSize(input: ModelInput): number {
  return input.width * input.height * input.channels;
}

/** The shape of a batch of `n` images in the card's layout. */
export function batchDims(input: ModelInput, n: number): number[] {
  return input.layout === 'NCHW' ? [n, input.channels, input.height, input.width] : [n, input.height, input.width, input.channels];
}

/**
 * One table per channel from pixel value (0..255) to model input, x' = (x · scale − mean[c]) / std[c], computed
 * exactly as the card writes it (then rounded to float32 once, as the tensor stores it).
 */
export function normalisationTables(input: ModelInput): Float32Array[] {
  return Array.from({ length: input.channels }, (_, c) => {
    const mean = input.mean[c] ?? 0;
    const std = input.std[c] ?? 1;
    return Float32Array.from({ length: 256 }, (_, x) => (x * input.scale - mean) / std);
  });
}

/**
 * Writes one image, given as interleaved pixels in the card's colour space and size, into position `index` of a
 * batch tensor, normalised and laid out as the card says.
 */
export function writeTensor(batch: Float32Array, index: number, pixels: Uint8Array, input: ModelInput, tables: readonly Float32Array[] = normalisationTables(input)): void {
  const c = input.channels;
  const plane = input.width * input.height;
  if (pixels.length !== plane * c) throw new RangeError(`expected ${plane * c} pixel values (${input.width}×${input.height}×${c}), got ${pixels.length}`);
  const base = index * plane * c;
  if (base + plane * c > batch.length) throw new RangeError(`batch of ${batch.length} values has no room for image ${index}`);
  if (input.layout === 'NHWC' || c === 1) {
    // Interleaved pixels are already NHWC; with one channel NCHW is the same order.
    const table = tables[0] as Float32Array;
    if (c === 1) for (let i = 0; i < plane; i++) batch[base + i] = table[pixels[i] as number] as number;
    else for (let i = 0; i < plane * c; i++) batch[base + i] = (tables[i % c] as Float32Array)[pixels[i] as number] as number;
    return;
  }
  for (let ch = 0; ch < c; ch++) {
    const table = tables[ch] as Float32Array;
    const offset = base + ch * plane;
    for (let i = 0; i < plane; i++) batch[offset + i] = table[pixels[i * c + ch] as number] as number;
  }
}

/**
 * writeTensor for grey pixels fed to a three-channel card: the grey value repeated in every channel (what
 * toColourSpace gives for rgb and bgr alike), without building the RGB pixels first. In NCHW, a channel whose
 * normalisation equals the first's is a copy of the first plane.
 */
export function writeGreyTensor(batch: Float32Array, index: number, grey: Uint8Array, input: ModelInput, tables: readonly Float32Array[] = normalisationTables(input)): void {
  const c = input.channels;
  const plane = input.width * input.height;
  if (grey.length !== plane) throw new RangeError(`expected ${plane} grey values (${input.width}×${input.height}), got ${grey.length}`);
  const base = index * plane * c;
  if (base + plane * c > batch.length) throw new RangeError(`batch of ${batch.length} values has no room for image ${index}`);
  if (input.layout === 'NHWC' && c === 3) {
    const [t0, t1, t2] = tables as [Float32Array, Float32Array, Float32Array];
    for (let i = 0, o = base; i < plane; i++, o += 3) {
      const v = grey[i] as number;
      batch[o] = t0[v] as number;
      batch[o + 1] = t1[v] as number;
      batch[o + 2] = t2[v] as number;
    }
    return;
  }
  if (input.layout === 'NHWC') {
    for (let i = 0, o = base; i < plane; i++) for (let ch = 0; ch < c; ch++, o++) batch[o] = (tables[ch] as Float32Array)[grey[i] as number] as number;
    return;
  }
  for (let ch = 0; ch < c; ch++) {
    const offset = base + ch * plane;
    if (ch > 0 && input.mean[ch] === input.mean[0] && input.std[ch] === input.std[0]) {
      batch.copyWithin(offset, base, base + plane);
      continue;
    }
    const table = tables[ch] as Float32Array;
    for (let i = 0; i < plane; i++) batch[offset + i] = table[grey[i] as number] as number;
  }
}
