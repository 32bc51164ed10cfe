import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where an image that a dataset publishes as pixels (fer2013.csv) is kept: `<dataDir>/images/<sha256[0..2]>/<sha256>.<ext>`.
 * Content-addressed, so equal images share one file and a re-import finds it in place. The runner and the API's
 * /images/:id route read it through images.path like any other file.
 */
export function storedImageFile(dataDir: string, sha256: string, ext: string): string {
  return path.join(path.resolve(dataDir), 'images', sha256.slice(0, 2), `${sha256}.${ext}`);
}

// Folders already made by this process: one mkdir per folder, not per image.
const madeFolders = new Set<string>();

/** Writes the bytes to `file` unless it exists (same name, same bytes); atomically, so a crash leaves no half file. */
export async function storeImage(file: string, bytes: Uint8Array): Promise<void> {
  if (existsSync(file)) return;
  const folder = path.dirname(file);
  if (!madeFolders.has(folder)) {
    await mkdir(folder, { recursive: true });
    madeFolders.add(folder);
  }
  // A name of its own: two entries with equal bytes may be stored at the same moment.
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, file);
}
