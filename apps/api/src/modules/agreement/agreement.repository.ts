import { type Emotion, type PatternTable, type RaterPair, emotionIndex } from '@ferbench/shared';
import type { DataSource } from 'typeorm';
import { restrictedLabelSql } from '../../database/restricted-label.sql.js';
import { decodeVotes, voteTerms } from './count-code.js';

/** Each chosen model's label for each face of the dataset it predicted, restricted to the label set ($3). */
const RATED = `SELECT p.model_id, p.image_id, ${restrictedLabelSql('p', '$3::smallint[]')} AS label
                 FROM predictions p JOIN images i ON i.id = p.image_id
                WHERE i.dataset_id = $1 AND p.model_id = ANY($2::text[])`;

export class AgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The faces at least one of the models rated, as distinct count patterns over `labelSet` with how many faces
   * have each: Postgres sums each face's votes into one code (count-code.ts), then groups the faces by code, so a
   * handful of rows reach Node even for a million faces. With goldAsRater, each face's gold label is one more rater.
   */
  async countPatterns(datasetId: string, modelIds: readonly string[], labelSet: readonly Emotion[], options: { goldAsRater?: boolean } = {}): Promise<PatternTable> {
    const indices = labelSet.map(emotionIndex);
    const raters = modelIds.length + (options.goldAsRater === true ? 1 : 0);
    // The gold label as one more rater where it lies in the label set (a gold label outside it is a missing rating).
    const gold = options.goldAsRater === true ? `UNION ALL SELECT NULL, i.id, i.gold_label FROM images i WHERE i.dataset_id = $1 AND i.gold_label = ANY($3::smallint[])` : '';
    const rows: { code: string; weight: number }[] = await this.dataSource.query(
      `WITH rated AS (${RATED} ${gold}),
            faces AS (SELECT sum(($4::bigint[])[label + 1]) AS code FROM rated WHERE label IS NOT NULL GROUP BY image_id)
       SELECT code::text, count(*)::int AS weight FROM faces GROUP BY code`,
      [datasetId, modelIds, indices, voteTerms(raters)],
    );
    return {
      categories: labelSet,
      patterns: rows.map((r) => {
        const votes = decodeVotes(r.code, raters);
        return { counts: indices.map((k) => votes[k]!), weight: r.weight };
      }),
    };
  }

  /**
   * The labelSet × labelSet table of every pair of the models (modelIds[i] before modelIds[j] for i < j: rows are
   * the first model's labels) over the faces both rated, from one query.
   */
  async pairTables(datasetId: string, modelIds: readonly string[], labelSet: readonly Emotion[]): Promise<RaterPair[]> {
    const indices = labelSet.map(emotionIndex);
    const cells: { first: string; second: string; a: number; b: number; n: number }[] = await this.dataSource.query(
      `WITH rated AS MATERIALIZED (${RATED})
       SELECT x.model_id AS first, y.model_id AS second, x.label AS a, y.label AS b, count(*)::int AS n
         FROM rated x JOIN rated y ON y.image_id = x.image_id AND x.model_id < y.model_id
        WHERE x.label IS NOT NULL AND y.label IS NOT NULL
        GROUP BY 1, 2, 3, 4`,
      [datasetId, modelIds, indices],
    );
    const q = labelSet.length;
    const pairs = modelIds.flatMap((first, i) =>
      modelIds.slice(i + 1).map((second) => ({ first, second, table: labelSet.map(() => new Array<number>(q).fill(0)) })),
    );
    const byKey = new Map(pairs.map((pair) => [`${pair.first}\n${pair.second}`, pair]));
    for (const cell of cells) {
      const pair = byKey.get(`${cell.first}\n${cell.second}`);
      // SQL orders each pair by id; a pair asked for the other way round gets the table transposed.
      if (pair) pair.table[indices.indexOf(cell.a)]![indices.indexOf(cell.b)]! += cell.n;
      else byKey.get(`${cell.second}\n${cell.first}`)!.table[indices.indexOf(cell.b)]![indices.indexOf(cell.a)]! += cell.n;
    }
    return pairs;
  }
}
