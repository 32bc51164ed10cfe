import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256File, sha256Hex } from '@ferbench/inference';
import type pg from 'pg';
import { ModelRegistryError, ModelRegistryErrorCode } from '../model-registry-error.js';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Stores a model file's bytes under its sha256 (once: a file already stored is kept). */
export async function storeModelFile(db: Queryable, sha256: string, bytes: Uint8Array): Promise<void> {
  await db.query('INSERT INTO model_files (sha256, bytes, size) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [sha256, Buffer.from(bytes), bytes.length]);
}

/** Where a model fetched from the database is kept on this machine: `<dir>/<sha256>.onnx`, as the zoo and submissions name theirs. */
export function cachedModelFile(dir: string, sha256: string): string {
  return path.join(dir, `${sha256}.onnx`);
}

/**
 * This machine's copy of the model file with this sha256: the one under `dir` when it is there and intact, else
 * fetched from model_files, checked against the sha256 and written beside it first (a reader never sees half a
 * file). Throws naming the sha256 when the database holds no copy, or a copy that is not that file.
 */
export async function fetchModelFile(db: Queryable, sha256: string, dir: string, modelId: string): Promise<string> {
  const file = cachedModelFile(dir, sha256);
  if (existsSync(file) && (await sha256File(file)) === sha256) return file;
  const { rows } = await db.query<{ bytes: Buffer }>('SELECT bytes FROM model_files WHERE sha256 = $1', [sha256]);
  const bytes = rows[0]?.bytes;
  if (bytes === undefined)
    throw new ModelRegistryError(ModelRegistryErrorCode.ModelFileMissing, `model ${modelId}: the database holds no file with sha256 ${sha256} (register it again with model add)`);
  const got = sha256Hex(bytes);
  if (got !== sha256) throw new ModelRegistryError(ModelRegistryErrorCode.Sha256Mismatch, `model ${modelId}: model_files holds sha256 ${got} under ${sha256}`);
  await mkdir(dir, { recursive: true });
  const partial = `${file}.${process.pid}.${Date.now()}.part`;
  await writeFile(partial, bytes);
  await rename(partial, file);
  return file;
}

/** A model file's bytes and sha256, read once for registration. */
export async function readModelBytes(file: string): Promise<{ bytes: Buffer; sha256: string }> {
  const bytes = await readFile(file);
  return { bytes, sha256: sha256Hex(bytes) };
}
