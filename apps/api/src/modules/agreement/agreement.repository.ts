import { type CountTable, type Emotion, emotionIndex } from '@ferbench/shared';

/** A count table held in memory: one row per face. */
export type FaceCountTable = CountTable & { readonly rows: readonly number[][] };
import type { DataSource } from 'typeorm';
import { restrictedLabelSql } from '../../database/restricted-label.sql.js';

export class AgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Faces × labels counts (how many of the models gave face i label k) over the faces every model predicted,
   * predictions restricted to `labelSet`. Postgres groups by face and label; Node only pivots the counts.
   */
  async countTable(datasetId: string, modelIds: readonly string[], labelSet: readonly Emotion[]): Promise<FaceCountTable> {
    const indices = labelSet.map(emotionIndex);
    const cells: { image_id: string; label: number; n: number }[] = await this.dataSource.query(
      `WITH rated AS (
         SELECT p.image_id, ${restrictedLabelSql('p', '$3::smallint[]')} AS label
           FROM predictions p JOIN images i ON i.id = p.image_id
          WHERE i.dataset_id = $1 AND p.model_id = ANY($2::text[])
       ), counted AS (
         SELECT image_id, label, count(*)::int AS n, sum(count(*)) OVER (PARTITION BY image_id) AS ratings
           FROM rated WHERE label IS NOT NULL GROUP BY image_id, label
       )
       SELECT image_id, label, n FROM counted WHERE ratings = cardinality($2::text[]) ORDER BY image_id`,
      [datasetId, modelIds, indices],
    );
    const rows: number[][] = [];
    let face: string | undefined;
    for (const cell of cells) {
      if (cell.image_id !== face) {
        rows.push(new Array<number>(indices.length).fill(0));
        face = cell.image_id;
      }
      rows[rows.length - 1]![indices.indexOf(cell.label)] = cell.n;
    }
    return { categories: labelSet, rows };
  }
}
