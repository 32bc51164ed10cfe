import type { Pixels } from '../pixels.js';
import type { FaceBox } from './face.js';

/**
 * The box grown by `margin` (a fraction of its width and height, on each side), in whole pixels and clipped to
 * the image. Empty boxes and boxes wholly outside the image are refused.
 */
export function marginBox(box: FaceBox, margin: number, imageWidth: number, imageHeight: number): FaceBox {
  if (!(margin >= 0)) throw new RangeError(`margin must be ≥ 0, got ${margin}`);
  const x0 = Math.max(0, Math.floor(box.x - box.width * margin));
  const y0 = Math.max(0, Math.floor(box.y - box.height * margin));
  const x1 = Math.min(imageWidth, Math.ceil(box.x + box.width * (1 + margin)));
  const y1 = Math.min(imageHeight, Math.ceil(box.y + box.height * (1 + margin)));
  if (x1 <= x0 || y1 <= y0) throw new RangeError(`face box ${JSON.stringify(box)} lies outside the ${imageWidth}×${imageHeight} image`);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The pixels inside the face box grown by `margin` (see marginBox). */
export function cropWithMargin(image: Pixels, box: FaceBox, margin: number): Pixels {
  const r = marginBox(box, margin, image.width, image.height);
  const ch = image.channels;
  const out = new Uint8Array(r.width * r.height * ch);
  for (let y = 0; y < r.height; y++) {
    const start = ((r.y + y) * image.width + r.x) * ch;
    out.set(image.data.subarray(start, start + r.width * ch), y * r.width * ch);
  }
  return { data: out, width: r.width, height: r.height, channels: ch };
}
