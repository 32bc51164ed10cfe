import { existsSync } from 'node:fs';
import path from 'node:path';
import { sha256File } from '@ferbench/inference';
import { type ModelCard, validateModelCard } from '@ferbench/shared';
import type pg from 'pg';
import { ModelRegistryError, ModelRegistryErrorCode } from '../model-registry-error.js';
import { fetchModelFile } from './model-files.js';

export interface RegisteredModel {
  card: ModelCard;
  /** The ONNX file, resolved against the model folder and checked against the registered sha256. */
  file: string;
}

/**
 * A registered model's card and file, refusing a file that is missing or no longer the one registered. With
 * `cacheDir` (a worker on a machine of its own), a card file that is not here, or not the registered one, is
 * fetched from the database by its sha256 into that folder instead.
 */
export async function registeredModel(pool: pg.Pool | pg.PoolClient, modelId: string, modelsDir: string, options: { cacheDir?: string | undefined } = {}): Promise<RegisteredModel> {
  const { rows } = await pool.query<{ card: unknown; sha256: string }>('SELECT card, sha256 FROM models WHERE id = $1', [modelId]);
  const row = rows[0];
  if (row === undefined) throw new ModelRegistryError(ModelRegistryErrorCode.ModelNotFound, `no model "${modelId}" is registered (ferbench model add <file.onnx> --card <card.json>)`);
  const card = validateModelCard(row.card, `models.card of ${modelId}`);
  const file = path.resolve(modelsDir, card.file);
  const sha256 = existsSync(file) ? await sha256File(file) : null;
  if (sha256 === row.sha256) return { card, file };
  if (options.cacheDir !== undefined) return { card, file: await fetchModelFile(pool, row.sha256, options.cacheDir, modelId) };
  if (sha256 === null) throw new ModelRegistryError(ModelRegistryErrorCode.ModelFileMissing, `model ${modelId}: ${file} does not exist (card file "${card.file}" under FERBENCH_MODELS ${modelsDir})`);
  throw new ModelRegistryError(ModelRegistryErrorCode.Sha256Mismatch, `model ${modelId}: ${file} has sha256 ${sha256}, registered ${row.sha256}; run model add again`);
}
