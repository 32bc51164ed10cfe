import { type Emotion, type PatternTable, emotionIndex } from '@ferbench/shared';
import { voteTerms } from './count-code.js';
import { RATED_SQL, decodePatterns } from './count-patterns.sql.js';
import { restrictedLabelSql } from './restricted-label.sql.js';
import type { SqlRows } from './sql-rows.js';

/**
 * An image attribute to slice by: `split` (the images.split column), or the path of a value in images.annotations,
 * dots between the keys (`subject`, `fer2013.label`). The path travels as a text[] parameter, never as SQL text.
 */
export function attributePath(attribute: string): string[] | null {
  return attribute === 'split' ? null : attribute.split('.');
}

/** SQL for the attribute's value of image `i` as text; `$path` is a text[] parameter, NULL for split. */
const groupSql = (path: string) => `CASE WHEN ${path}::text[] IS NULL THEN i.split ELSE i.annotations #>> ${path}::text[] END`;

/** An attribute an image of the dataset has, with how many distinct values (groups) and images. */
export interface SliceAttribute {
  name: string;
  groups: number;
  images: number;
}

/**
 * The attributes the dataset's images can be sliced by: split, every annotation holding a string, number or boolean,
 * top-level or one level down (`fer2013.label`), with their number of groups.
 */
export async function sliceAttributes(rows: SqlRows, datasetId: string): Promise<SliceAttribute[]> {
  return rows<SliceAttribute>(
    `WITH scalar AS (
       SELECT i.id, 'split' AS name, i.split AS value FROM images i WHERE i.dataset_id = $1
       UNION ALL
       SELECT i.id, a.key, a.value #>> '{}' FROM images i, jsonb_each(i.annotations) a
        WHERE i.dataset_id = $1 AND jsonb_typeof(i.annotations) = 'object' AND jsonb_typeof(a.value) IN ('string', 'number', 'boolean')
       UNION ALL
       SELECT i.id, a.key || '.' || b.key, b.value #>> '{}' FROM images i, jsonb_each(i.annotations) a, jsonb_each(a.value) b
        WHERE i.dataset_id = $1 AND jsonb_typeof(i.annotations) = 'object' AND jsonb_typeof(a.value) = 'object' AND jsonb_typeof(b.value) IN ('string', 'number', 'boolean')
     )
     SELECT name, count(DISTINCT value)::int AS groups, count(*)::int AS images FROM scalar GROUP BY name ORDER BY name = 'split' DESC, name`,
    [datasetId],
  );
}

/** Images of the dataset per group of the attribute (null: images without it). */
export async function sliceGroupSizes(rows: SqlRows, datasetId: string, attribute: string): Promise<{ group: string | null; images: number }[]> {
  return rows(`SELECT ${groupSql('$2')} AS "group", count(*)::int AS images FROM images i WHERE i.dataset_id = $1 GROUP BY 1 ORDER BY 1`, [
    datasetId,
    attributePath(attribute),
  ]);
}

/**
 * Per group of the attribute, one model's faces scored (gold label in `labelSet`) and how many it got right, its
 * predictions restricted to `labelSet` (as confusionCounts, so the groups add up to the leaderboard's accuracy).
 */
export async function sliceAccuracyCounts(
  rows: SqlRows,
  datasetId: string,
  modelId: string,
  labelSet: readonly Emotion[],
  attribute: string,
): Promise<{ group: string; n: number; correct: number }[]> {
  return rows(
    `SELECT "group", count(*)::int AS n, (count(*) FILTER (WHERE gold = predicted))::int AS correct
       FROM (SELECT ${groupSql('$4')} AS "group", i.gold_label AS gold, ${restrictedLabelSql('p', '$3::smallint[]')} AS predicted
               FROM predictions p JOIN images i ON i.id = p.image_id
              WHERE i.dataset_id = $1 AND p.model_id = $2 AND i.gold_label = ANY($3::smallint[])) scored
      WHERE "group" IS NOT NULL GROUP BY 1 ORDER BY 1`,
    [datasetId, modelId, labelSet.map(emotionIndex), attributePath(attribute)],
  );
}

/** Per group of the attribute, the models' votes as count patterns over `labelSet` (countPatterns, grouped). */
export async function sliceCountPatterns(
  rows: SqlRows,
  datasetId: string,
  modelIds: readonly string[],
  labelSet: readonly Emotion[],
  attribute: string,
): Promise<Map<string, PatternTable>> {
  const found = await rows<{ group: string; code: string; weight: number }>(
    `WITH rated AS (${RATED_SQL}),
          faces AS (SELECT ${groupSql('$5')} AS "group", sum(($4::bigint[])[r.label + 1]) AS code
                      FROM rated r JOIN images i ON i.id = r.image_id WHERE r.label IS NOT NULL GROUP BY 1, r.image_id)
     SELECT "group", code::text, count(*)::int AS weight FROM faces WHERE "group" IS NOT NULL GROUP BY 1, 2 ORDER BY 1`,
    [datasetId, modelIds, labelSet.map(emotionIndex), voteTerms(modelIds.length), attributePath(attribute)],
  );
  const byGroup = new Map<string, { code: string; weight: number }[]>();
  for (const r of found) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
  return new Map([...byGroup].map(([group, codes]) => [group, { categories: labelSet, patterns: decodePatterns(codes, labelSet, modelIds.length) }]));
}
