import { readFile } from 'node:fs/promises';
import { type ModelCard, validateModelCard } from '@ferbench/shared';
import { InferenceError, InferenceErrorCode } from './inference-error.js';

/** Reads and validates a model card file; a bad field throws the shared ModelCardError naming it. */
export async function readModelCard(file: string): Promise<ModelCard> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InferenceError(InferenceErrorCode.CardUnreadable, `cannot read model card ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InferenceError(InferenceErrorCode.CardUnreadable, `model card ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return validateModelCard(json, file);
}
