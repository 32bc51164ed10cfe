import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateZooManifest } from './validate-zoo-manifest.js';
import { fileMismatches } from './verify-files.js';
import type { ZooManifest, ZooModel } from './zoo-manifest.js';

/** packages/models/zoo: the manifest, the shipped cards and the architectures written for weights-only files. */
export const ZOO_DIR = path.resolve(__dirname, '..', '..', 'zoo');
export const ZOO_MANIFEST_PATH = path.join(ZOO_DIR, 'manifest.json');

export async function loadZooManifest(file: string = ZOO_MANIFEST_PATH): Promise<ZooManifest> {
  return validateZooManifest(JSON.parse(await readFile(file, 'utf8')) as unknown, file);
}

let zooIds: ReadonlySet<string> | undefined;

/** The ids of the zoo's models (read once from the shipped manifest): how the API marks a model as a zoo model. */
export function zooModelIds(): ReadonlySet<string> {
  zooIds ??= new Set(validateZooManifest(JSON.parse(readFileSync(ZOO_MANIFEST_PATH, 'utf8')) as unknown, ZOO_MANIFEST_PATH).models.map((m) => m.card.id));
  return zooIds;
}

/**
 * Compares every source file of a model, under `modelsDir/<folder>`, with the size and sha256 the manifest records;
 * returns one line per file that is missing or differs (empty when all match).
 */
export async function zooSourceMismatches(model: ZooModel, modelsDir: string): Promise<string[]> {
  const files = model.sources.map((s) => ({ path: path.join(modelsDir, model.folder, s.file), size: s.size, sha256: s.sha256 }));
  return (await fileMismatches(files)).map((problem) => `${model.card.id}: ${problem}`);
}
