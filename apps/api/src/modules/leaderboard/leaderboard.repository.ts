import { type ConfusionMatrix, type Emotion } from '@ferbench/shared';
import { confusionCounts, goldEmotions } from '@ferbench/scores';
import type { DataSource } from 'typeorm';

export class LeaderboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The canonical emotions that occur as gold labels in the dataset, in canonical order. */
  goldEmotions(datasetId: string): Promise<Emotion[]> {
    return goldEmotions((sql, params) => this.dataSource.query(sql, params), datasetId);
  }

  /**
   * Gold × predicted counts of one model over the faces whose gold label is in `labelSet`, predictions restricted
   * to `labelSet` (the runner's query, which `ferbench report` shares).
   */
  confusion(datasetId: string, modelId: string, labelSet: readonly Emotion[]): Promise<ConfusionMatrix> {
    return confusionCounts((sql, params) => this.dataSource.query(sql, params), datasetId, modelId, labelSet);
  }
}
