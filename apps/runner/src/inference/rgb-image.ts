/** Decoded pixels: 8-bit RGB, interleaved, row-major (what every decoder here hands over). */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}
