import { type DatasetRobustness, datasetRobustness } from '@ferbench/scores';
import type { DataSource } from 'typeorm';

export class RobustnessRepository {
  constructor(private readonly dataSource: DataSource) {}

  robustness(datasetId: string, modelIds: readonly string[], perturbations: readonly string[] | null): Promise<DatasetRobustness> {
    return datasetRobustness((sql, params) => this.dataSource.query(sql, params), datasetId, modelIds, perturbations);
  }
}
