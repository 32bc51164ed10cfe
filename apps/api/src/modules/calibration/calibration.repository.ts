import { type Emotion } from '@ferbench/shared';
import { type GatedAgreementPoint, type ModelCalibration, gatedAgreement, modelCalibration } from '@ferbench/scores';
import type { DataSource } from 'typeorm';

export class CalibrationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private readonly rows = <T>(sql: string, params: unknown[]) => this.dataSource.query(sql, params) as Promise<T[]>;

  calibration(datasetId: string, modelId: string, classes: readonly Emotion[], options: { bins: number; threshold: number }): Promise<ModelCalibration> {
    return modelCalibration(this.rows, datasetId, modelId, classes, options);
  }

  gated(datasetId: string, modelIds: readonly string[], labelSet: readonly Emotion[], thresholds: readonly number[]): Promise<{ nComplete: number; points: GatedAgreementPoint[] }> {
    return gatedAgreement(this.rows, datasetId, modelIds, labelSet, thresholds);
  }
}
