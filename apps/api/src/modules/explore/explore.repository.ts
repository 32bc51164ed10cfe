import { duplicateImageSql } from '@ferbench/db';
import type { DataSource } from 'typeorm';
import { restrictedLabelSql } from '@ferbench/scores';
import { afterCursorSql } from './keyset.sql.js';
import type { ImageCursor } from './image-cursor.js';
import { fleissPiSql, humanEntropySql, voteEntropySql } from './vote-stats.sql.js';

/** What a face is sorted by; null: by id alone. */
export type FaceSortKey = 'entropy' | 'human_entropy' | 'p_i' | null;

export interface FacePageQuery {
  datasetId: string;
  modelIds: readonly string[];
  /** EMOTIONS indices the models' votes are restricted to. */
  labelSet: readonly number[];
  filter: {
    goldLabel?: number | undefined;
    predicted?: { modelId: string; label: number } | undefined;
    /** Labels compared within `labelSet` (EMOTIONS indices): those both models can emit. */
    disagree?: { modelA: string; modelB: string; labelSet: readonly number[] } | undefined;
    minModelEntropy?: number | undefined;
    minHumanEntropy?: number | undefined;
    duplicatesOnly?: boolean | undefined;
  };
  order: { key: FaceSortKey; descending: boolean };
  after: ImageCursor | undefined;
  limit: number;
}

export interface FaceRow {
  id: string;
  ratings: number;
  /** EMOTIONS indices that got votes, ascending, and their counts. */
  voteLabels: number[];
  voteCounts: number[];
  entropy: number | null;
  pI: number | null;
  humanVotes: number;
  humanEntropy: number | null;
  sameFile: number;
  sortNull: boolean;
  sortKey: number;
}

export class ExploreRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hasHumanVotes(datasetId: string): Promise<boolean> {
    const rows: { any: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM human_votes v JOIN images i ON i.id = v.image_id WHERE i.dataset_id = $1) AS any`,
      [datasetId],
    );
    return rows[0]!.any;
  }

  /**
   * One page of faces with their vote statistics, and how many faces match. Postgres counts the votes (GROUP BY
   * image, label), computes entropy and P_i, filters, sorts and cuts the page; nothing is materialised, so any
   * set of models and any new prediction is reflected at once.
   */
  async page(query: FacePageQuery): Promise<{ rows: FaceRow[]; total: number }> {
    const params: unknown[] = [];
    const param = (value: unknown, type: string) => {
      params.push(value);
      return `$${params.length}::${type}`;
    };
    const dataset = param(query.datasetId, 'text');
    const where: string[] = [`i.dataset_id = ${dataset}`];
    const { filter } = query;
    if (filter.goldLabel !== undefined) where.push(`i.gold_label = ${param(filter.goldLabel, 'smallint')}`);
    if (filter.predicted !== undefined)
      where.push(
        `EXISTS (SELECT 1 FROM predictions p WHERE p.image_id = i.id AND p.model_id = ${param(filter.predicted.modelId, 'text')} AND p.label = ${param(filter.predicted.label, 'smallint')})`,
      );
    if (filter.disagree !== undefined) {
      const pairSet = param(filter.disagree.labelSet, 'smallint[]');
      where.push(`EXISTS (SELECT 1 FROM predictions pa JOIN predictions pb ON pb.image_id = pa.image_id AND pb.model_id = ${param(filter.disagree.modelB, 'text')}
        WHERE pa.image_id = i.id AND pa.model_id = ${param(filter.disagree.modelA, 'text')}
          AND ${restrictedLabelSql('pa', pairSet)} IS DISTINCT FROM ${restrictedLabelSql('pb', pairSet)})`);
    }
    if (filter.minModelEntropy !== undefined) where.push(`m.entropy >= ${param(filter.minModelEntropy, 'float8')}`);
    if (filter.minHumanEntropy !== undefined) where.push(`h.entropy >= ${param(filter.minHumanEntropy, 'float8')}`);
    if (filter.duplicatesOnly === true) where.push(duplicateImageSql('i'));

    const sortColumn = query.order.key === null ? 'NULL::float8' : query.order.key;
    const direction = query.order.descending ? 'DESC' : 'ASC';
    const keyset =
      query.after === undefined
        ? 'true'
        : afterCursorSql([
            { column: 'sort_null', descending: false, value: param(query.after.isNull, 'boolean') },
            { column: 'sort_key', descending: query.order.descending, value: param(query.after.key, 'float8') },
            { column: 'id', descending: query.order.descending, value: param(query.after.id, 'bigint') },
          ]);
    const orderBy = `sort_null, sort_key ${direction}, id ${direction}`;
    const labelSet = param(query.labelSet, 'smallint[]');
    const models = param(query.modelIds, 'text[]');
    const limit = param(query.limit, 'int');

    const rows: (Partial<FaceRow> & { total: number })[] = await this.dataSource.query(
      `WITH rated AS (
         SELECT p.image_id, ${restrictedLabelSql('p', labelSet)} AS label
           FROM predictions p JOIN images i ON i.id = p.image_id
          WHERE i.dataset_id = ${dataset} AND p.model_id = ANY(${models})
       ), counted AS (
         SELECT image_id, label, count(*)::int AS n, (sum(count(*)) OVER (PARTITION BY image_id))::int AS r
           FROM rated WHERE label IS NOT NULL GROUP BY image_id, label
       ), model_votes AS (
         SELECT image_id, max(r) AS ratings, array_agg(label ORDER BY label) AS vote_labels, array_agg(n ORDER BY label) AS vote_counts,
                ${voteEntropySql('n', 'r', 'label')} AS entropy, ${fleissPiSql('n', 'r')} AS p_i
           FROM counted GROUP BY image_id
       ), human AS (${humanEntropySql(dataset)}
       ), faces AS (
         SELECT i.id, coalesce(m.ratings, 0) AS ratings,
                coalesce(m.vote_labels, '{}') AS vote_labels, coalesce(m.vote_counts, '{}') AS vote_counts, m.entropy, m.p_i,
                coalesce(h.votes, 0) AS human_votes, h.entropy AS human_entropy,
                (SELECT count(*)::int FROM images d WHERE d.sha256 = i.sha256) AS same_file
           FROM images i LEFT JOIN model_votes m ON m.image_id = i.id LEFT JOIN human h ON h.image_id = i.id
          WHERE ${where.join(' AND ')}
       ), sorted AS (
         SELECT *, (${sortColumn} IS NULL) AS sort_null, coalesce(${sortColumn}, 0)::float8 AS sort_key FROM faces
       )
       SELECT total.n AS total, page.id::text AS id, page.ratings, page.vote_labels AS "voteLabels", page.vote_counts AS "voteCounts", page.entropy, page.p_i AS "pI",
              page.human_votes AS "humanVotes", page.human_entropy AS "humanEntropy", page.same_file AS "sameFile",
              page.sort_null AS "sortNull", page.sort_key AS "sortKey"
         FROM (SELECT count(*)::int AS n FROM faces) total
         LEFT JOIN LATERAL (SELECT * FROM sorted WHERE ${keyset} ORDER BY ${orderBy} LIMIT ${limit}) page ON true
        ORDER BY page.sort_null, page.sort_key ${direction}, page.id ${direction}`,
      params,
    );
    const total = rows[0]?.total ?? 0;
    return { rows: rows.filter((r): r is FaceRow & { total: number } => r.id !== null && r.id !== undefined), total };
  }
}
