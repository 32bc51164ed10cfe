import { type Emotion, type PatternTable, type RaterPair, emotionIndex } from '@ferbench/shared';
import type { DataSource } from 'typeorm';
import { RATED_SQL as RATED, summarizedPatterns } from '@ferbench/scores';

export class AgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The faces at least one of the models rated, as distinct count patterns over `labelSet` with how many faces
   * have each (the runner's countPatterns: `ferbench agreement --dataset` counts with the same SQL). With
   * goldAsRater, each face's gold label is one more rater. Read from the stored pattern table where it is
   * current (summarizedPatterns: refreshed when a run ends, kept for every question asked), else counted.
   */
  countPatterns(datasetId: string, modelIds: readonly string[], labelSet: readonly Emotion[], options: { goldAsRater?: boolean } = {}): Promise<PatternTable> {
    return summarizedPatterns((sql, params) => this.dataSource.query(sql, params), datasetId, modelIds, labelSet, options);
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
