import { type Emotion, type PatternTable, emotionIndex, tableAgreement } from '@ferbench/shared';
import { decodeVotes, voteTerms } from '../count-code.js';
import { RATED_SQL } from '../count-patterns.sql.js';
import type { SqlRows } from '../sql-rows.js';

export interface GatedAgreementPoint {
  threshold: number;
  /** Faces where every model's confidence (its largest stored probability) is ≥ threshold. */
  nFaces: number;
  /** nFaces over the faces every model predicted. */
  coverage: number | null;
  kappa: number | null;
  se: number | null;
  reason: string | null;
}

/**
 * Fleiss' κ among the models over the faces where every model's confidence is ≥ τ, for each τ: Postgres codes each
 * complete face's votes (count-code.ts) with its smallest confidence among the models, then counts codes per τ.
 */
export async function gatedAgreement(rows: SqlRows, datasetId: string, modelIds: readonly string[], labelSet: readonly Emotion[], thresholds: readonly number[]): Promise<{ nComplete: number; points: GatedAgreementPoint[] }> {
  const found = await rows<{ tau: number | null; code: string | null; weight: number }>(
    `WITH rated AS (SELECT r.image_id, r.label, (SELECT max(x) FROM unnest(p.probs) AS x)::float8 AS conf
                      FROM (${RATED_SQL}) r JOIN predictions p ON p.model_id = r.model_id AND p.image_id = r.image_id),
          faces AS (SELECT sum(($4::bigint[])[label + 1]) AS code, min(conf) AS conf FROM rated GROUP BY image_id HAVING count(*) = cardinality($2::text[]))
     SELECT NULL::float8 AS tau, NULL AS code, count(*)::int AS weight FROM faces
     UNION ALL
     SELECT t.tau, f.code::text, count(*)::int FROM faces f JOIN unnest($5::float8[]) AS t(tau) ON f.conf >= t.tau GROUP BY t.tau, f.code`,
    [datasetId, modelIds, labelSet.map(emotionIndex), voteTerms(modelIds.length), thresholds],
  );
  const nComplete = found.find((r) => r.tau === null)?.weight ?? 0;
  const indices = labelSet.map(emotionIndex);
  const points = thresholds.map((threshold): GatedAgreementPoint => {
    const table: PatternTable = {
      categories: labelSet,
      patterns: found.filter((r) => r.tau === threshold).map((r) => {
        const votes = decodeVotes(r.code!, modelIds.length);
        return { counts: indices.map((k) => votes[k]!), weight: r.weight };
      }),
    };
    const nFaces = table.patterns.reduce((a, p) => a + p.weight, 0);
    const f = tableAgreement(table, modelIds.length).fleissKappa;
    return {
      threshold,
      nFaces,
      coverage: nComplete === 0 ? null : nFaces / nComplete,
      kappa: f.value,
      se: f.value === null ? null : f.se,
      reason: f.value === null ? f.reason : null,
    };
  });
  return { nComplete, points };
}
