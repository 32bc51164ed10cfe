import { type Emotion, type PatternTable, commonEmotions, emittableEmotions, emotionIndex, validateModelCard } from '@ferbench/shared';
import { countPatterns } from './count-patterns.sql.js';
import { IS_ENSEMBLE_SQL } from './ensembles/ensembles.js';
import type { SqlRows } from './sql-rows.js';

export interface SummarizedPatterns extends PatternTable {
  /** stored: read from agreement_patterns, counted at the dataset's current version; counted: counted now (and stored). */
  source: 'stored' | 'counted';
}

interface Question {
  datasetId: string;
  modelIds: string[];
  labels: number[];
  goldAsRater: boolean;
}

/** The stored key of an agreement question: raters sorted (a count pattern does not depend on their order). */
function question(datasetId: string, modelIds: readonly string[], labelSet: readonly Emotion[], goldAsRater: boolean): Question {
  return { datasetId, modelIds: [...modelIds].sort(), labels: labelSet.map(emotionIndex), goldAsRater };
}

/**
 * countPatterns, answered from agreement_patterns where the stored table was counted at the dataset's current
 * prediction version (bumped by triggers on every change of its predictions or images, see the migration
 * 1765600000000), so a repeated question, or the one a run refreshed when it ended, reads a few thousand
 * patterns instead of scanning the predictions. Otherwise counts as countPatterns does and stores the result at
 * the version read before counting: a change made while counting leaves it out of date, never wrong.
 */
export async function summarizedPatterns(
  rows: SqlRows,
  datasetId: string,
  modelIds: readonly string[],
  labelSet: readonly Emotion[],
  options: { goldAsRater?: boolean } = {},
): Promise<SummarizedPatterns> {
  const q = question(datasetId, modelIds, labelSet, options.goldAsRater === true);
  const found = await rows<{ current: string; version: string | null; patterns: [number[], number][] | null }>(
    `SELECT v.current::text, s.version::text, s.patterns
       FROM (SELECT coalesce((SELECT version FROM prediction_versions WHERE dataset_id = $1), 0) AS current) v
       LEFT JOIN agreement_patterns s ON s.dataset_id = $1 AND s.model_ids = $2::text[] AND s.label_set = $3::smallint[] AND s.gold_as_rater = $4`,
    [q.datasetId, q.modelIds, q.labels, q.goldAsRater],
  );
  const row = found[0];
  if (row?.patterns != null && row.version === row.current)
    return { categories: [...labelSet], patterns: row.patterns.map(([counts, weight]) => ({ counts, weight })), source: 'stored' };
  const table = await countPatterns(rows, datasetId, modelIds, labelSet, options);
  await store(rows, q, row?.current ?? '0', table);
  return { ...table, source: 'counted' };
}

async function store(rows: SqlRows, q: Question, version: string, table: PatternTable): Promise<void> {
  const patterns = JSON.stringify(table.patterns.map((p) => [p.counts, p.weight]));
  await rows(
    `INSERT INTO agreement_patterns (dataset_id, model_ids, label_set, gold_as_rater, version, patterns)
     SELECT $1, $2::text[], $3::smallint[], $4, $5::bigint, $6::jsonb WHERE EXISTS (SELECT 1 FROM datasets WHERE id = $1)
     ON CONFLICT (dataset_id, model_ids, label_set, gold_as_rater)
       DO UPDATE SET version = EXCLUDED.version, patterns = EXCLUDED.patterns, counted_at = now()
       WHERE agreement_patterns.version <= EXCLUDED.version`,
    [q.datasetId, q.modelIds, q.labels, q.goldAsRater, version, patterns],
  );
}

/**
 * The question asked when nobody names raters or labels (the API's default, `ferbench agreement --dataset`):
 * every model with predictions on the dataset, over the labels all of them can emit, in canonical order.
 */
export async function defaultRaters(rows: SqlRows, datasetId: string): Promise<{ modelIds: string[]; labelSet: Emotion[] }> {
  const cards = await rows<{ id: string; card: unknown }>(
    `SELECT m.id, m.card FROM models m
      WHERE EXISTS (SELECT 1 FROM predictions p JOIN images i ON i.id = p.image_id WHERE p.model_id = m.id AND i.dataset_id = $1)
        AND NOT ${IS_ENSEMBLE_SQL} ORDER BY m.id`,
    [datasetId],
  );
  const emittable = cards.map(({ id, card }) => {
    const { output } = validateModelCard(card, `models.card of ${id}`);
    return emittableEmotions({ labels: output.labels, map: output.labelMap });
  });
  return { modelIds: cards.map((c) => c.id), labelSet: commonEmotions(emittable) };
}

/**
 * What a run does when it ends: counts its dataset's default agreement question (defaultRaters) unless the stored
 * table is current, so the first agreement query after the run reads it instead of scanning the predictions.
 */
export async function refreshAgreementPatterns(rows: SqlRows, datasetId: string): Promise<SummarizedPatterns | null> {
  const { modelIds, labelSet } = await defaultRaters(rows, datasetId);
  if (modelIds.length === 0 || labelSet.length === 0) return null;
  return summarizedPatterns(rows, datasetId, modelIds, labelSet);
}
