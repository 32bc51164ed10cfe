import path from 'node:path';
import type pg from 'pg';
import type { ImageIdRange } from './run-options.js';

export interface PendingImage {
  id: string;
  path: string;
  sha256: string;
}

/**
 * The dataset's images (those in `range`, if given) that have no prediction from the model yet (failed ones are
 * tried again), in id order. With `imageRoot` (this machine's copy of the dataset), each path is its key below it.
 */
export async function pendingImages(
  client: pg.PoolClient,
  modelId: string,
  datasetId: string,
  range?: ImageIdRange,
  imageRoot?: string,
): Promise<{ total: number; pending: PendingImage[] }> {
  const { rows } = await client.query<PendingImage & { key: string; predicted: boolean }>(
    `SELECT i.id, i.key, i.path, i.sha256, EXISTS (SELECT 1 FROM predictions p WHERE p.model_id = $1 AND p.image_id = i.id) AS predicted
     FROM images i WHERE i.dataset_id = $2 AND ($3::bigint IS NULL OR i.id BETWEEN $3 AND $4) ORDER BY i.id`,
    [modelId, datasetId, range?.first ?? null, range?.last ?? null],
  );
  return { total: rows.length, pending: rows
      .filter((r) => !r.predicted)
      .map((r) => ({ id: r.id, path: imageRoot === undefined ? r.path : path.join(imageRoot, ...r.key.split('/')), sha256: r.sha256 })) };
}
