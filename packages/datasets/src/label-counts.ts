import { type Emotion, emotionAt } from '@ferbench/shared';
import type pg from 'pg';

export interface LabelCount {
  split: string;
  /** The canonical emotion (null: the published label has none). */
  emotion: Emotion | null;
  labelRaw: string | null;
  count: number;
}

/** How many images of the dataset the database holds, per split and label. */
export async function labelCounts(pool: pg.Pool, datasetId: string): Promise<LabelCount[]> {
  const { rows } = await pool.query<{ split: string; gold_label: number | null; gold_label_raw: string | null; n: string }>(
    `SELECT split, gold_label, gold_label_raw, count(*) AS n FROM images WHERE dataset_id = $1
     GROUP BY split, gold_label, gold_label_raw ORDER BY split, gold_label, gold_label_raw`,
    [datasetId],
  );
  return rows.map((r) => ({ split: r.split, emotion: r.gold_label === null ? null : emotionAt(r.gold_label), labelRaw: r.gold_label_raw, count: Number(r.n) }));
}
