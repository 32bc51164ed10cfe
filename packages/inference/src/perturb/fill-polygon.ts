import type { Point } from '../faces/face.js';
import type { Pixels } from '../pixels.js';

/** Whether (x, y) lies inside the polygon (even–odd rule; a point on an edge may fall either way). */
export function insidePolygon(polygon: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** 1 for every pixel whose centre lies inside the polygon, else 0 (row-major, width × height). */
export function polygonCoverage(polygon: readonly Point[], width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (insidePolygon(polygon, x, y)) out[y * width + x] = 1;
  return out;
}

/** RGB colour; on a grey image it is drawn as its luma (BT.601), as a grey camera would see it. */
export type Rgb = readonly [r: number, g: number, b: number];

/** A copy of the image with every pixel inside the polygon painted `colour`. */
export function fillPolygon(image: Pixels, polygon: readonly Point[], colour: Rgb): Pixels {
  const data = image.data.slice();
  const cover = polygonCoverage(polygon, image.width, image.height);
  const grey = Math.round(0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]);
  for (let p = 0; p < cover.length; p++) {
    if (cover[p] === 0) continue;
    if (image.channels === 1) data[p] = grey;
    else data.set(colour, p * 3);
  }
  return { ...image, data };
}
