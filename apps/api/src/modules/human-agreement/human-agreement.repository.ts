import { type Emotion, HUMAN_VOTE_CATEGORIES, type PatternTable, emotionIndex } from '@ferbench/shared';
import type { DataSource } from 'typeorm';
import { restrictedLabelSql } from '@ferbench/scores';
import { humanEntropySql, voteEntropySql } from '../explore/vote-stats.sql.js';

/** How many faces have this human and this model vote entropy (bits). */
export interface EntropyCell {
  human: number;
  model: number;
  faces: number;
}

/**
 * Different vote patterns can have the same entropy (4-3-3 and 6-2-1-1 of 10 votes both give 1.5710 bits) yet
 * differ in the last bit of their float sums; rounding makes them one value, so Spearman ranks them as the tie they are.
 */
const ENTROPY_DECIMALS = 12;

export class HumanAgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Faces of the dataset with at least one human vote. */
  async votedFaces(datasetId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(DISTINCT v.image_id)::int AS n FROM human_votes v JOIN images i ON i.id = v.image_id WHERE i.dataset_id = $1`,
      [datasetId],
    );
    return rows[0]!.n;
  }

  /**
   * The faces' human votes over HUMAN_VOTE_CATEGORIES as distinct count patterns with how many faces have each
   * (Postgres pivots and groups; a few hundred rows reach Node).
   */
  async humanVotePatterns(datasetId: string): Promise<PatternTable> {
    const counts = HUMAN_VOTE_CATEGORIES.map((_, k) => `coalesce(sum(v.votes) FILTER (WHERE v.label = ${k}), 0)::int`).join(', ');
    const rows: { counts: number[]; weight: number }[] = await this.dataSource.query(
      `SELECT counts, count(*)::int AS weight
         FROM (SELECT ARRAY[${counts}] AS counts FROM human_votes v JOIN images i ON i.id = v.image_id
                WHERE i.dataset_id = $1 GROUP BY v.image_id) faces
        GROUP BY counts`,
      [datasetId],
    );
    return { categories: HUMAN_VOTE_CATEGORIES, patterns: rows.map((r) => ({ counts: r.counts, weight: r.weight })) };
  }

  /**
   * Human and model vote entropy of every face that has human votes and was rated by every one of the models
   * (their labels restricted to `labelSet`), grouped by the pair of values: both take few distinct values (10 votes,
   * a handful of models), so this is a small table, not one row per face. Values are rounded to ENTROPY_DECIMALS.
   */
  async entropyCells(datasetId: string, modelIds: readonly string[], labelSet: readonly Emotion[]): Promise<EntropyCell[]> {
    return this.dataSource.query(
      `WITH rated AS (
         SELECT p.image_id, ${restrictedLabelSql('p', '$3::smallint[]')} AS label
           FROM predictions p JOIN images i ON i.id = p.image_id
          WHERE i.dataset_id = $1 AND p.model_id = ANY($2::text[])
       ), counted AS (
         SELECT image_id, label, count(*)::int AS n, (sum(count(*)) OVER (PARTITION BY image_id))::int AS r
           FROM rated WHERE label IS NOT NULL GROUP BY image_id, label
       ), model AS (
         SELECT image_id, max(r) AS ratings, ${voteEntropySql('n', 'r', 'label')} AS entropy FROM counted GROUP BY image_id
       ), human AS (${humanEntropySql('$1')})
       SELECT round(h.entropy::numeric, ${ENTROPY_DECIMALS})::float8 AS human, round(m.entropy::numeric, ${ENTROPY_DECIMALS})::float8 AS model, count(*)::int AS faces
         FROM human h JOIN model m ON m.image_id = h.image_id
        WHERE m.ratings = cardinality($2::text[])
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [datasetId, modelIds, labelSet.map(emotionIndex)],
    );
  }
}
