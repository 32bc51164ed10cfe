import sharp from 'sharp';
import type { Pixels } from './pixels.js';

/** Pixels as a PNG file's bytes (grey stays grey): how the API serves an image rendered here, e.g. a perturbed face. */
export async function encodePng(image: Pixels): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .toColourspace(image.channels === 1 ? 'b-w' : 'srgb')
    .png()
    .toBuffer();
}
