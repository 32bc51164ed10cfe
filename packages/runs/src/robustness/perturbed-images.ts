import type pg from 'pg';
import type { PendingImage } from '../pending-images.js';

/**
 * The dataset's images in id order, or every `every`-th of them (a subset spread over the whole dataset, the
 * same one on every run): what a robustness run perturbs.
 */
export async function robustnessImages(client: pg.PoolClient, datasetId: string, every = 1): Promise<PendingImage[]> {
  const { rows } = await client.query<PendingImage>(
    `SELECT id, path, sha256 FROM (SELECT id, path, sha256, row_number() OVER (ORDER BY id) - 1 AS k FROM images WHERE dataset_id = $1) i
     WHERE k % $2 = 0 ORDER BY id`,
    [datasetId, every],
  );
  return rows;
}

/** Of these images, those without a stored prediction from the model under the perturbation (failed ones are tried again). */
export async function perturbedPending(client: pg.PoolClient, modelId: string, perturbation: string, images: readonly PendingImage[]): Promise<PendingImage[]> {
  const { rows } = await client.query<{ image_id: string }>(
    `SELECT image_id FROM perturbed_predictions WHERE model_id = $1 AND perturbation = $2 AND error IS NULL AND image_id = ANY($3::bigint[])`,
    [modelId, perturbation, images.map((i) => i.id)],
  );
  const done = new Set(rows.map((r) => r.image_id));
  return images.filter((i) => !done.has(i.id));
}
