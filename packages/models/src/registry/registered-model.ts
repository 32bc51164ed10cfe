import { existsSync } from 'node:fs';
import path from 'node:path';
import { sha256File } from '@ferbench/inference';
import { type ModelCard, validateModelCard } from '@ferbench/shared';
import type pg from 'pg';
import { ModelRegistryError, ModelRegistryErrorCode } from '../model-registry-error.js';

export interface RegisteredModel {
  card: ModelCard;
  /** The ONNX file, resolved against the model folder and checked against the registered sha256. */
  file: string;
}

/** A registered model's card and file, refusing a file that is missing or no longer the one registered. */
export async function registeredModel(pool: pg.Pool | pg.PoolClient, modelId: string, modelsDir: string): Promise<RegisteredModel> {
  const { rows } = await pool.query<{ card: unknown; sha256: string }>('SELECT card, sha256 FROM models WHERE id = $1', [modelId]);
  const row = rows[0];
  if (row === undefined) throw new ModelRegistryError(ModelRegistryErrorCode.ModelNotFound, `no model "${modelId}" is registered (ferbench model add <file.onnx> --card <card.json>)`);
  const card = validateModelCard(row.card, `models.card of ${modelId}`);
  const file = path.resolve(modelsDir, card.file);
  if (!existsSync(file)) throw new ModelRegistryError(ModelRegistryErrorCode.ModelFileMissing, `model ${modelId}: ${file} does not exist (card file "${card.file}" under FERBENCH_MODELS ${modelsDir})`);
  const sha256 = await sha256File(file);
  if (sha256 !== row.sha256) throw new ModelRegistryError(ModelRegistryErrorCode.Sha256Mismatch, `model ${modelId}: ${file} has sha256 ${sha256}, registered ${row.sha256}; run model add again`);
  return { card, file };
}
