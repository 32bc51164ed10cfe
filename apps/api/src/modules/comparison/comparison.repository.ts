import { type Emotion, emotionIndex } from '@ferbench/shared';
import type { DataSource } from 'typeorm';
import { restrictedLabelSql } from '@ferbench/scores';

/** How many faces have this gold label (null: none, or one outside the label set) and these two labels. */
export interface PairedCell {
  readonly gold: Emotion | null;
  readonly a: Emotion;
  readonly b: Emotion;
  readonly n: number;
}

export class ComparisonRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Gold × model A × model B counts over the faces of the dataset both models predicted, labels restricted to
   * `labelSet`: at most (Q + 1)·Q² rows, whatever the number of faces.
   */
  async pairedCells(datasetId: string, modelA: string, modelB: string, labelSet: readonly Emotion[]): Promise<PairedCell[]> {
    const rows: { gold: number | null; a: number; b: number; n: number }[] = await this.dataSource.query(
      `SELECT gold, a, b, count(*)::int AS n
         FROM (SELECT CASE WHEN i.gold_label = ANY($4::smallint[]) THEN i.gold_label END AS gold,
                      ${restrictedLabelSql('x', '$4::smallint[]')} AS a,
                      ${restrictedLabelSql('y', '$4::smallint[]')} AS b
                 FROM predictions x
                 JOIN predictions y ON y.image_id = x.image_id AND y.model_id = $3
                 JOIN images i ON i.id = x.image_id
                WHERE i.dataset_id = $1 AND x.model_id = $2) paired
        WHERE a IS NOT NULL AND b IS NOT NULL
        GROUP BY gold, a, b`,
      [datasetId, modelA, modelB, labelSet.map(emotionIndex)],
    );
    const emotion = (k: number) => labelSet[labelSet.map(emotionIndex).indexOf(k)]!;
    return rows.map((r) => ({ gold: r.gold === null ? null : emotion(r.gold), a: emotion(r.a), b: emotion(r.b), n: r.n }));
  }
}
