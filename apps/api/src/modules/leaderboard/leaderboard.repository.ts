import { type ConfusionMatrix, type Emotion, emotionAt, emotionIndex } from '@ferbench/shared';
import type { DataSource } from 'typeorm';
import { restrictedLabelSql } from '../../database/restricted-label.sql.js';

export class LeaderboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The canonical emotions that occur as gold labels in the dataset, in canonical order. */
  async goldEmotions(datasetId: string): Promise<Emotion[]> {
    const rows: { gold: number }[] = await this.dataSource.query(
      `SELECT DISTINCT gold_label AS gold FROM images WHERE dataset_id = $1 AND gold_label IS NOT NULL ORDER BY 1`,
      [datasetId],
    );
    return rows.map((r) => emotionAt(r.gold));
  }

  /**
   * Gold × predicted counts of one model over the faces whose gold label is in `labelSet`, predictions restricted
   * to `labelSet`: Postgres counts, only labelSet² numbers reach Node.
   */
  async confusion(datasetId: string, modelId: string, labelSet: readonly Emotion[]): Promise<ConfusionMatrix> {
    const indices = labelSet.map(emotionIndex);
    const cells: { gold: number; predicted: number; n: number }[] = await this.dataSource.query(
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
}
