import { type ConfusionMatrix, type Emotion, emotionAt, emotionIndex } from '@ferbench/shared';
import { restrictedLabelSql } from './restricted-label.sql.js';
import type { SqlRows } from './sql-rows.js';

/** The canonical emotions that occur as gold labels in the dataset, in canonical order. */
export async function goldEmotions(rows: SqlRows, datasetId: string): Promise<Emotion[]> {
  const found = await rows<{ gold: number }>(`SELECT DISTINCT gold_label AS gold FROM images WHERE dataset_id = $1 AND gold_label IS NOT NULL ORDER BY 1`, [datasetId]);
  return found.map((r) => emotionAt(r.gold));
}

/**
 * Gold × predicted counts of one model over the faces whose gold label is in `labelSet`, predictions restricted
 * to `labelSet`: Postgres counts, only labelSet² numbers reach Node. The API's leaderboard and `ferbench report`
 * both score with this.
 */
export async function confusionCounts(rows: SqlRows, datasetId: string, modelId: string, labelSet: readonly Emotion[]): Promise<ConfusionMatrix> {
  const indices = labelSet.map(emotionIndex);
  const cells = await rows<{ gold: number; predicted: number; n: number }>(
    `SELECT gold, predicted, count(*)::int AS n
       FROM (SELECT i.gold_label AS gold, ${restrictedLabelSql('p', '$3::smallint[]')} AS predicted
               FROM predictions p JOIN images i ON i.id = p.image_id
              WHERE i.dataset_id = $1 AND p.model_id = $2 AND i.gold_label = ANY($3::smallint[])) scored
      GROUP BY gold, predicted`,
    [datasetId, modelId, indices],
  );
  const counts = labelSet.map(() => new Array<number>(labelSet.length).fill(0));
  for (const { gold, predicted, n } of cells) counts[indices.indexOf(gold)]![indices.indexOf(predicted)]! += n;
  return { categories: labelSet, counts };
}
