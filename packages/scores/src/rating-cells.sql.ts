import { type Emotion, type RatingCell, emotionAt } from '@ferbench/shared';
import type { SqlRows } from './sql-rows.js';

/** What a dataset's human ratings are: the emotions rated, the scale, how many raters, how many faces. */
export interface RatingsInfo {
  faces: number;
  emotions: Emotion[];
  scaleMin: number | null;
  scaleMax: number | null;
  /** Raters per face as published (null when the faces differ, or there are none). */
  raters: number | null;
}

export async function ratingsInfo(rows: SqlRows, datasetId: string): Promise<RatingsInfo> {
  const [info] = await rows<{ faces: number; labels: number[] | null; scale_min: number | null; scale_max: number | null; raters: number | null }>(
    `SELECT count(DISTINCT r.image_id)::int AS faces, array_agg(DISTINCT r.label ORDER BY r.label) FILTER (WHERE r.label IS NOT NULL) AS labels,
            CASE WHEN count(DISTINCT r.scale_min) = 1 THEN min(r.scale_min) END AS scale_min,
            CASE WHEN count(DISTINCT r.scale_max) = 1 THEN min(r.scale_max) END AS scale_max,
            CASE WHEN count(DISTINCT r.raters) = 1 THEN min(r.raters) END AS raters
       FROM human_ratings r JOIN images i ON i.id = r.image_id WHERE i.dataset_id = $1`,
    [datasetId],
  );
  return { faces: info!.faces, emotions: (info!.labels ?? []).map(emotionAt), scaleMin: info!.scale_min, scaleMax: info!.scale_max, raters: info!.raters };
}

/**
 * One model's probability for each rated emotion against the faces' mean human rating of it, grouped by the pair
 * of values (Postgres groups; ties are exact float equality of the stored real and the published mean). A face the
 * model did not predict, or an emotion it cannot emit (NULL probability), has no cell.
 */
export async function ratingCells(rows: SqlRows, datasetId: string, modelId: string): Promise<RatingCell[]> {
  const cells = await rows<{ label: number; probability: number; rating: number; faces: number }>(
    `SELECT r.label, p.probs[r.label + 1]::float8 AS probability, r.mean AS rating, count(*)::int AS faces
       FROM human_ratings r JOIN images i ON i.id = r.image_id
       JOIN predictions p ON p.image_id = r.image_id AND p.model_id = $2
      WHERE i.dataset_id = $1 AND p.probs[r.label + 1] IS NOT NULL
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [datasetId, modelId],
  );
  return cells.map((c) => ({ emotion: emotionAt(c.label), probability: c.probability, rating: c.rating, faces: c.faces }));
}
