import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * A miniature FER2013 in the image-folder layout under `dir`: the first `perLabel` files (sorted by name) of each
 * emotion folder of `fer2013/test`, so every run uses the same faces and every class is present. Returns the
 * folder to import (format imagefolder).
 */
export function fer2013Subset(fer2013: string, dir: string, perLabel: number): string {
  const root = path.join(dir, 'fer2013-subset');
  for (const label of readdirSync(path.join(fer2013, 'test')).sort()) {
    const from = path.join(fer2013, 'test', label);
    const to = path.join(root, 'test', label);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).filter((f) => f.endsWith('.jpg')).sort().slice(0, perLabel)) copyFileSync(path.join(from, name), path.join(to, name));
  }
  return root;
}
