import { EMOTIONS } from '@ferbench/shared';
import pg from 'pg';

export interface StoredPrediction {
  modelId: string;
  imageId: string;
  label: number;
  probs: (number | null)[];
  gold: number | null;
}

/** Every stored prediction on a dataset's faces, read straight from the table, for tests to recompute scores. */
export async function readStoredPredictions(databaseUrl: string, datasetId: string): Promise<StoredPrediction[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ model_id: string; image_id: string; label: number; probs: (number | null)[]; gold_label: number | null }>(
      `SELECT p.model_id, p.image_id::text, p.label, p.probs, i.gold_label
         FROM predictions p JOIN images i ON i.id = p.image_id WHERE i.dataset_id = $1`,
      [datasetId],
    );
    return rows.map((r) => ({ modelId: r.model_id, imageId: r.image_id, label: r.label, probs: r.probs, gold: r.gold_label }));
  } finally {
    await client.end();
  }
}

/** A label set given as emotion names, as EMOTIONS indices. */
export const indicesOf = (labels: readonly string[]): number[] => labels.map((l) => (EMOTIONS as readonly string[]).indexOf(l));

/**
 * The documented rule, written out plainly: the stored label if allowed, else the allowed label with the
 * highest probability (the earlier one on a tie).
 */
export function labelWithin(prediction: StoredPrediction, allowed: readonly number[]): number {
  if (allowed.includes(prediction.label)) return prediction.label;
  let best = -1;
  for (const k of allowed) {
    const p = prediction.probs[k];
    if (p !== null && p !== undefined && (best === -1 || p > prediction.probs[best]!)) best = k;
  }
  return best;
}
