import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Point } from '../faces/face.js';
import type { Pixels } from '../pixels.js';
import { resizeImage } from '../resize-image.js';

const TILE = 144;

function rgb(image: Pixels): Uint8Array {
  if (image.channels === 3) return image.data;
  const out = new Uint8Array(image.width * image.height * 3);
  for (let i = 0; i < image.data.length; i++) out.fill(image.data[i] as number, 3 * i, 3 * i + 3);
  return out;
}

/** The image at TILE×TILE in RGB with the points marked as red 3×3 dots (at their scaled positions). */
async function tile(image: Pixels, points: readonly Point[]): Promise<Uint8Array> {
  const big = await resizeImage(image, { width: TILE, height: TILE, resize: 'nearest' });
  const data = rgb(big);
  for (const [x, y] of points) {
    const cx = Math.round(((x + 0.5) * TILE) / image.width - 0.5);
    const cy = Math.round(((y + 0.5) * TILE) / image.height - 0.5);
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const px = cx + dx;
        const py = cy + dy;
        if (px >= 0 && py >= 0 && px < TILE && py < TILE) data.set([255, 0, 0], (py * TILE + px) * 3);
      }
  }
  return data;
}

/** Writes rows of images (each with the points to mark) as one PNG, TILE px a cell; returns its path. */
export async function writeMontage(file: string, rows: readonly (readonly { image: Pixels; points: readonly Point[] }[])[]): Promise<string> {
  const columns = Math.max(...rows.map((r) => r.length));
  const width = columns * TILE;
  const out = new Uint8Array(width * rows.length * TILE * 3);
  for (const [r, row] of rows.entries())
    for (const [c, cell] of row.entries()) {
      const t = await tile(cell.image, cell.points);
      for (let y = 0; y < TILE; y++) out.set(t.subarray(y * TILE * 3, (y + 1) * TILE * 3), ((r * TILE + y) * width + c * TILE) * 3);
    }
  mkdirSync(path.dirname(file), { recursive: true });
  await sharp(out, { raw: { width, height: rows.length * TILE, channels: 3 } }).png().toFile(file);
  return file;
}
