import { type SliceAttribute, goldEmotions, sliceAccuracyCounts, sliceAttributes, sliceCountPatterns, sliceGroupSizes } from '@ferbench/scores';
import type { Emotion, PatternTable } from '@ferbench/shared';
import type { DataSource } from 'typeorm';

/** The slice counting of packages/scores over the API's connection. */
export class SliceRepository {
  constructor(private readonly dataSource: DataSource) {}

  private readonly rows = <T>(sql: string, params: unknown[]): Promise<T[]> => this.dataSource.query(sql, params);

  attributes(datasetId: string): Promise<SliceAttribute[]> {
    return sliceAttributes(this.rows, datasetId);
  }

  groupSizes(datasetId: string, attribute: string): Promise<{ group: string | null; images: number }[]> {
    return sliceGroupSizes(this.rows, datasetId, attribute);
  }

  goldEmotions(datasetId: string): Promise<Emotion[]> {
    return goldEmotions(this.rows, datasetId);
  }

  accuracyCounts(datasetId: string, modelId: string, labelSet: readonly Emotion[], attribute: string): Promise<{ group: string; n: number; correct: number }[]> {
    return sliceAccuracyCounts(this.rows, datasetId, modelId, labelSet, attribute);
  }

  countPatterns(datasetId: string, modelIds: readonly string[], labelSet: readonly Emotion[], attribute: string): Promise<Map<string, PatternTable>> {
    return sliceCountPatterns(this.rows, datasetId, modelIds, labelSet, attribute);
  }
}
