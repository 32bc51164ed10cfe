
/** Decoded 8-bit pixels, interleaved, row-major: 1 channel (grey) or 3 (RGB). */
export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3;
}
