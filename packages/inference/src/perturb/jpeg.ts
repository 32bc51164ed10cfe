import sharp from 'sharp';
import { decodeImage } from '../decode-image.js';
import type { Pixels } from '../pixels.js';

/**
 * The image through a JPEG of this quality (1…100), encoded by sharp's libjpeg (fixed settings: 4:2:0 chroma,
 * baseline) and decoded as any JPEG is here, so its blocking and ringing are what a
 * model sees.
 */
export async function jpegRoundTrip(image: Pixels, quality: number): Promise<Pixels> {
  const bytes = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .toColourspace(image.channels === 1 ? 'b-w' : 'srgb')
    .jpeg({ quality, mozjpeg: false, chromaSubsampling: '4:2:0' })
    .toBuffer();
  const decoded = await decodeImage(bytes);
  if (decoded.channels !== image.channels) throw new Error(`jpeg round trip: ${image.channels} channel(s) in, ${decoded.channels} out`);
  return decoded;
}
