import { type Emotion, type PatternTable, type WeightedCounts, emotionIndex } from '@ferbench/shared';
import { decodeVotes, voteTerms } from './count-code.js';
import { restrictedLabelSql } from './restricted-label.sql.js';
import type { SqlRows } from './sql-rows.js';

/** Each chosen model's label for each face of the dataset it predicted, restricted to the label set ($3). */
export const RATED_SQL = `SELECT p.model_id, p.image_id, ${restrictedLabelSql('p', '$3::smallint[]')} AS label
                 FROM predictions p JOIN images i ON i.id = p.image_id
                WHERE i.dataset_id = $1 AND p.model_id = ANY($2::text[])`;

/**
 * The faces at least one of the models rated, as distinct count patterns over `labelSet` with how many faces
 * have each: Postgres sums each face's votes into one code (count-code.ts), then groups the faces by code, so a
 * handful of rows reach Node even for a million faces. With goldAsRater, each face's gold label is one more rater.
 * The API's agreement and `ferbench agreement --dataset` both count with this.
 */
export async function countPatterns(
  rows: SqlRows,
  datasetId: string,
  modelIds: readonly string[],
  labelSet: readonly Emotion[],
  options: { goldAsRater?: boolean } = {},
): Promise<PatternTable> {
  const indices = labelSet.map(emotionIndex);
  const raters = modelIds.length + (options.goldAsRater === true ? 1 : 0);
  // The gold label as one more rater where it lies in the label set (a gold label outside it is a missing rating).
  const gold = options.goldAsRater === true ? `UNION ALL SELECT NULL, i.id, i.gold_label FROM images i WHERE i.dataset_id = $1 AND i.gold_label = ANY($3::smallint[])` : '';
  const found = await rows<{ code: string; weight: number }>(
    `WITH rated AS (${RATED_SQL} ${gold}),
          faces AS (SELECT sum(($4::bigint[])[label + 1]) AS code FROM rated WHERE label IS NOT NULL GROUP BY image_id)
     SELECT code::text, count(*)::int AS weight FROM faces GROUP BY code`,
    [datasetId, modelIds, indices, voteTerms(raters)],
  );
  return { categories: labelSet, patterns: decodePatterns(found, labelSet, raters) };
}

/** Face codes (count-code.ts) with their weights, decoded into count rows over `labelSet`. */
export function decodePatterns(found: readonly { code: string; weight: number }[], labelSet: readonly Emotion[], raters: number): WeightedCounts[] {
  const indices = labelSet.map(emotionIndex);
  return found.map((r) => {
    const votes = decodeVotes(r.code, raters);
    return { counts: indices.map((k) => votes[k]!), weight: r.weight };
  });
}
