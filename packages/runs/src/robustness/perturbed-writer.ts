import { copyRows } from '@ferbench/db';
import type pg from 'pg';
import type { FailureRow, PredictionRow } from '../prediction-writer.js';

/**
 * Stores one batch of a model's predictions (and failures) under a perturbation in one transaction: COPied into
 * a temporary table and merged, a prediction replacing an earlier failure of the same image.
 */
export async function writePerturbed(client: pg.PoolClient, modelId: string, perturbation: string, predictions: readonly PredictionRow[], failures: readonly FailureRow[]): Promise<void> {
  if (predictions.length + failures.length === 0) return;
  await client.query('BEGIN');
  try {
    await client.query('CREATE TEMP TABLE perturbed_stage (image_id bigint, label smallint, probs real[], raw real[], error text) ON COMMIT DROP');
    await copyRows(client, 'perturbed_stage', ['image_id', 'label', 'probs', 'raw', 'error'], [
      ...predictions.map((p) => [p.imageId, p.label, p.probs, p.raw, null]),
      ...failures.map((f) => [f.imageId, null, null, null, f.error]),
    ]);
    await client.query(
      `INSERT INTO perturbed_predictions (model_id, image_id, perturbation, label, probs, raw, error)
       SELECT $1, image_id, $2, label, probs, raw, error FROM perturbed_stage
       ON CONFLICT (model_id, image_id, perturbation) DO UPDATE
         SET label = EXCLUDED.label, probs = EXCLUDED.probs, raw = EXCLUDED.raw, error = EXCLUDED.error, predicted_at = now()
         WHERE perturbed_predictions.error IS NOT NULL`,
      [modelId, perturbation],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
