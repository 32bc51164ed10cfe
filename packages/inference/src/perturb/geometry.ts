import sharp from 'sharp';
import { warpAffine } from '../faces/warp-affine.js';
import type { Pixels } from '../pixels.js';

/** The image mirrored left to right. */
export function hflip(image: Pixels): Pixels {
  const { width: w, height: h, channels: ch } = image;
  const data = new Uint8Array(image.data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < ch; c++) data[(y * w + x) * ch + c] = image.data[(y * w + (w - 1 - x)) * ch + c] as number;
  return { ...image, data };
}

/**
 * The image turned by `deg` degrees (positive: counter-clockwise as seen) about its centre, same size, bilinear,
 * the corners that come from outside the picture black (as a camera's tilted frame would crop). 0 leaves the
 * image as it is.
 */
export function rotate(image: Pixels, deg: number): Pixels {
  if (deg === 0) return { ...image, data: image.data.slice() };
  const a = (-deg * Math.PI) / 180; // image y points down: a counter-clockwise turn on screen is a negative angle
  const cx = (image.width - 1) / 2;
  const cy = (image.height - 1) / 2;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return warpAffine(image, [cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy], image.width, image.height);
}

async function resized(image: Pixels, width: number, height: number): Promise<Pixels> {
  const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .resize(width, height, { kernel: 'linear', fit: 'fill' })
    .toColourspace(image.channels === 1 ? 'b-w' : 'srgb')
    .raw()
    .toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width, height, channels: image.channels };
}

/**
 * Lost resolution: the image shrunk by `factor` (area kernel would hide the loss less; linear, as a cheap camera)
 * and stretched back to its own size. 1 leaves the image as it is.
 */
export async function downscale(image: Pixels, factor: number): Promise<Pixels> {
  if (factor === 1) return { ...image, data: image.data.slice() };
  const small = await resized(image, Math.max(1, Math.round(image.width / factor)), Math.max(1, Math.round(image.height / factor)));
  return resized(small, image.width, image.height);
}
