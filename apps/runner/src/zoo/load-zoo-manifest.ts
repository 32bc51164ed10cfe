import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateZooManifest } from './validate-zoo-manifest.js';
import type { ZooManifest, ZooModel } from './zoo-manifest.js';

/** apps/runner/zoo/manifest.json, beside the shipped cards. */
export const ZOO_MANIFEST_PATH = path.resolve(__dirname, '..', '..', 'zoo', 'manifest.json');

export async function loadZooManifest(file: string = ZOO_MANIFEST_PATH): Promise<ZooManifest> {
  return validateZooManifest(JSON.parse(await readFile(file, 'utf8')) as unknown, file);
}

/**
 * Compares every source file of a model, under `modelsDir/<folder>`, with the size and sha256 the manifest records;
 * returns one line per file that is missing or differs (empty when all match).
 */
export async function zooSourceMismatches(model: ZooModel, modelsDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const source of model.sources) {
    const file = path.join(modelsDir, model.folder, source.file);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      problems.push(`${model.card.id}: ${file} is missing`);
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (bytes.length !== source.size || sha256 !== source.sha256)
      problems.push(`${model.card.id}: ${file} is ${bytes.length} bytes, sha256 ${sha256}; the manifest says ${source.size} bytes, ${source.sha256}`);
  }
  return problems;
}
