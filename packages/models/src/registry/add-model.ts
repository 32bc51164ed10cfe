import { existsSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkModelFile, readModelCard } from '@ferbench/inference';
import { type ModelCard, validateModelCard } from '@ferbench/shared';
import type pg from 'pg';
import { ModelRegistryError, ModelRegistryErrorCode } from '../model-registry-error.js';
import { readModelBytes, storeModelFile } from './model-files.js';

export interface AddModelOptions {
  /** The ONNX file the card describes. */
  onnxFile: string;
  /** The card: a path to its JSON file, or the parsed JSON itself. */
  card: string | unknown;
  log?: (line: string) => void;
}

export interface AddModelResult {
  card: ModelCard;
  sha256: string;
  /** created: a new model; updated: the card changed; unchanged: nothing to do. */
  outcome: 'created' | 'updated' | 'unchanged';
  /** Predictions dropped because the model's file changed. */
  stalePredictionsRemoved: number;
}

/**
 * Registers a model: validates the card, checks it against the ONNX graph's declared inputs and outputs and
 * the file's sha256, then upserts it and stores the file's bytes by sha256 (model_files). A model whose file, preprocessing (card input) or reading of the output (card
 * output) changed loses the predictions made the old way.
 */
export async function addModel(pool: pg.Pool, options: AddModelOptions): Promise<AddModelResult> {
  const card = typeof options.card === 'string' ? await readModelCard(options.card) : validateModelCard(options.card);
  const file = path.resolve(options.onnxFile);
  if (!existsSync(file)) throw new ModelRegistryError(ModelRegistryErrorCode.ModelFileMissing, `model file ${file} does not exist`);
  const sha256 = await checkModelFile(card, file);
  const stored = await readModelBytes(file);
  if (stored.sha256 !== sha256) throw new ModelRegistryError(ModelRegistryErrorCode.Sha256Mismatch, `model ${card.id}: ${file} changed while it was checked`);

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: before } = await client.query<{ sha256: string; card: unknown }>('SELECT sha256, card FROM models WHERE id = $1 FOR UPDATE', [card.id]);
    const previous = before[0];
    let stalePredictionsRemoved = 0;
    if (previous !== undefined && (previous.sha256 !== sha256 || !predictsAlike(previous.card, card))) {
      stalePredictionsRemoved = (await client.query('DELETE FROM predictions WHERE model_id = $1', [card.id])).rowCount ?? 0;
      await client.query('DELETE FROM prediction_failures WHERE model_id = $1', [card.id]);
    }
    await client.query(
      `INSERT INTO models (id, name, version, sha256, card) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version, sha256 = EXCLUDED.sha256, card = EXCLUDED.card`,
      [card.id, card.name, card.version, sha256, JSON.stringify(card)],
    );
    // Workers that share nothing with this machine but the database fetch the file from here.
    await storeModelFile(client, sha256, stored.bytes);
    await client.query('COMMIT');
    const outcome = previous === undefined ? 'created' : previous.sha256 === sha256 && isDeepStrictEqual(previous.card, card) ? 'unchanged' : 'updated';
    options.log?.(`model ${card.id} ${outcome} (sha256 ${sha256.slice(0, 12)}…)${stalePredictionsRemoved > 0 ? `, ${stalePredictionsRemoved} stale predictions removed` : ''}`);
    return { card, sha256, outcome, stalePredictionsRemoved };
  } catch (error) {
    await client.query('ROLLBACK');
    if ((error as { constraint?: string }).constraint === 'models_name_version')
      throw new ModelRegistryError(ModelRegistryErrorCode.ModelConflict, `model ${card.id}: another model id already has name "${card.name}" version "${card.version}"`);
    throw error;
  } finally {
    client.release();
  }
}

/** Whether a stored card makes the same predictions as this one: same input preprocessing, same output reading. */
function predictsAlike(previous: unknown, card: ModelCard): boolean {
  const old = previous as Partial<ModelCard> | null;
  return isDeepStrictEqual(old?.input, card.input) && isDeepStrictEqual(old?.output, card.output);
}
