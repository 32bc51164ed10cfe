import { type Emotion, type EnsembleRule, emotionIndex } from '@ferbench/shared';
import { restrictedLabelSql } from '../restricted-label.sql.js';
import type { SqlRows } from '../sql-rows.js';

/**
 * Writes an ensemble's predictions on one dataset, in one statement, from its members' stored ones, over the faces
 * every member predicted: per face and canonical emotion, the members' summed probability and votes (a member's
 * vote is its label within `labelSet`, the labels all members can emit). mean: probabilities = the sums over
 * labelSet renormalised (uniform if they sum to 0), label = the most probable (ties: canonical order). vote:
 * probabilities = each label's share of the votes, label = the most votes, ties to the higher summed
 * probability, then canonical order. Emotions outside labelSet are NULL, as for a model that cannot emit them.
 * Returns the number of faces written.
 */
export async function insertEnsemblePredictions(
  rows: SqlRows,
  args: { ensembleId: string; datasetId: string; runId: string; rule: EnsembleRule; members: readonly string[]; labelSet: readonly Emotion[] },
): Promise<number> {
  const written = await rows<{ n: number }>(
    `WITH member AS (
       SELECT p.image_id, p.probs, ${restrictedLabelSql('p', '$3::smallint[]')} AS label
         FROM predictions p JOIN images i ON i.id = p.image_id
        WHERE i.dataset_id = $1 AND p.model_id = ANY($2::text[])),
     complete AS (SELECT image_id FROM member GROUP BY image_id HAVING count(*) = cardinality($2::text[])),
     cells AS (
       SELECT m.image_id, (c.k - 1)::smallint AS k, (c.k - 1) = ANY($3::smallint[]) AS shared,
              sum(c.prob::float8) AS prob_sum, count(*) FILTER (WHERE m.label = c.k - 1) AS votes
         FROM member m JOIN complete USING (image_id) CROSS JOIN LATERAL unnest(m.probs) WITH ORDINALITY AS c(prob, k)
        GROUP BY m.image_id, c.k),
     faces AS (
       SELECT image_id,
              (array_agg(k ORDER BY prob_sum DESC, k) FILTER (WHERE shared))[1] AS mean_label,
              (array_agg(k ORDER BY votes DESC, prob_sum DESC, k) FILTER (WHERE shared))[1] AS vote_label,
              array_agg(CASE WHEN NOT shared THEN NULL
                             WHEN $4 = 'vote' THEN votes::float8 / cardinality($2::text[])
                             ELSE prob_sum END ORDER BY k) AS values,
              sum(prob_sum) FILTER (WHERE shared) AS total
         FROM cells GROUP BY image_id),
     scaled AS (
       SELECT image_id, CASE WHEN $4 = 'vote' THEN vote_label ELSE mean_label END AS label,
              CASE WHEN $4 = 'vote' THEN values::real[]
                   ELSE ARRAY(SELECT (CASE WHEN total > 0 THEN v / total ELSE 1.0 / cardinality($3::smallint[]) END)::real
                                FROM unnest(values) WITH ORDINALITY AS u(v, o) ORDER BY o) END AS probs
         FROM faces),
     written AS (
       INSERT INTO predictions (model_id, image_id, run_id, label, probs, raw)
       SELECT $5, image_id, $6, label, probs, probs FROM scaled
       RETURNING 1)
     SELECT count(*)::int AS n FROM written`,
    [args.datasetId, args.members, args.labelSet.map(emotionIndex), args.rule, args.ensembleId, args.runId],
  );
  return written[0]!.n;
}
