import type { Pixels } from '../pixels.js';

/** Every byte through a 256-entry table (a copy: the input is never changed). */
export function mapBytes(image: Pixels, table: Uint8Array): Pixels {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = table[image.data[i] as number] as number;
  return { ...image, data };
}

function table(f: (v: number) => number): Uint8Array {
  return Uint8Array.from({ length: 256 }, (_, v) => Math.min(255, Math.max(0, Math.round(f(v)))));
}

/** Every value times `factor` (below 1: darker), rounded and clamped to 0…255; 1 leaves the image as it is. */
export function brightness(image: Pixels, factor: number): Pixels {
  return mapBytes(image, table((v) => v * factor));
}

/** 255·(v/255)^γ: γ > 1 darkens the mid-tones (a dim room), γ < 1 lightens them; 1 leaves the image as it is. */
export function gamma(image: Pixels, value: number): Pixels {
  return mapBytes(image, table((v) => 255 * Math.pow(v / 255, value)));
}
