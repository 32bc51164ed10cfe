import { type RatingsInfo, ratingCells, ratingsInfo } from '@ferbench/scores';
import type { RatingCell } from '@ferbench/shared';
import type { DataSource } from 'typeorm';

export class HumanRatingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The dataset's rated faces, the emotions rated, the scale and the raters per face. */
  info(datasetId: string): Promise<RatingsInfo> {
    return ratingsInfo((sql, params) => this.dataSource.query(sql, params), datasetId);
  }

  /** One model's probability vs the mean rating, per rated emotion, grouped by the pair of values. */
  cells(datasetId: string, modelId: string): Promise<RatingCell[]> {
    return ratingCells((sql, params) => this.dataSource.query(sql, params), datasetId, modelId);
  }
}
