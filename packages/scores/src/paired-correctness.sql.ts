import { type Emotion, emotionIndex } from '@ferbench/shared';
import { restrictedLabelSql } from './restricted-label.sql.js';
import type { SqlRows } from './sql-rows.js';

/** Two models on the same faces: how many each got right, for McNemar and paired accuracies. */
export interface PairedCorrectness {
  /** Faces both predicted whose gold label is in the label set. */
  n: number;
  aRight: number;
  bRight: number;
  /** McNemar's discordant pairs: a right and b wrong, a wrong and b right. */
  aOnly: number;
  bOnly: number;
}

/** Counts in Postgres, labels restricted to `labelSet` as on the leaderboard: four rows reach Node. */
export async function pairedCorrectness(rows: SqlRows, datasetId: string, modelA: string, modelB: string, labelSet: readonly Emotion[]): Promise<PairedCorrectness> {
  const found = await rows<{ a: boolean; b: boolean; n: number }>(
    `SELECT a, b, count(*)::int AS n
       FROM (SELECT ${restrictedLabelSql('x', '$4::smallint[]')} = i.gold_label AS a, ${restrictedLabelSql('y', '$4::smallint[]')} = i.gold_label AS b
               FROM predictions x JOIN predictions y ON y.image_id = x.image_id AND y.model_id = $3 JOIN images i ON i.id = x.image_id
              WHERE i.dataset_id = $1 AND x.model_id = $2 AND i.gold_label = ANY($4::smallint[])) paired
      GROUP BY a, b`,
    [datasetId, modelA, modelB, labelSet.map(emotionIndex)],
  );
  const count = (a: boolean, b: boolean) => found.find((r) => r.a === a && r.b === b)?.n ?? 0;
  return {
    n: found.reduce((s, r) => s + r.n, 0),
    aRight: count(true, true) + count(true, false),
    bRight: count(true, true) + count(false, true),
    aOnly: count(true, false),
    bOnly: count(false, true),
  };
}
