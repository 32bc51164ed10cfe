/**
 * Per-face vote statistics as SQL aggregates over rows of (label, n = votes for it, r = votes for the face), one
 * row per label a face got: what GROUP BY image, label yields. They equal itemAgreement() of packages/shared
 * (tested), computed where filtering and sorting by them happens.
 *
 * Entropy is summed in a fixed order (by n, then label): float addition is not associative, and a face must get
 * the very same value in every query, or a cursor holding that value could skip or repeat faces.
 */
export function voteEntropySql(n: string, r: string, label: string): string {
  return `abs(sum((${n}::float8 / ${r}) * ln(${n}::float8 / ${r}) ORDER BY ${n}, ${label})) / ln(2::float8)`;
}

/** Fleiss' P_i = Σ n(n − 1) / (r(r − 1)); null with fewer than two votes. Integers until the one division. */
export function fleissPiSql(n: string, r: string): string {
  return `CASE WHEN max(${r}) < 2 THEN NULL ELSE sum(${n} * (${n} - 1))::float8 / (max(${r}) * (max(${r}) - 1)) END`;
}

/**
 * One row per face of the dataset (`dataset`: an SQL text expression) that has human votes: image_id, votes (how
 * many) and entropy (bits) of those votes over the human vote categories, unknown and not-a-face included.
 */
export function humanEntropySql(dataset: string): string {
  return `SELECT image_id, max(r) AS votes, ${voteEntropySql('n', 'r', 'label')} AS entropy
            FROM (SELECT v.image_id, v.label, v.votes AS n, (sum(v.votes) OVER (PARTITION BY v.image_id))::int AS r
                    FROM human_votes v JOIN images i ON i.id = v.image_id WHERE i.dataset_id = ${dataset}) human_counted
           GROUP BY image_id`;
}
