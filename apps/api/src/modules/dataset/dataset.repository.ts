import { datasetContentSha256 } from '@ferbench/scores';
import type { DataSource, Repository } from 'typeorm';
import { DatasetEntity } from './dataset.entity.js';

export interface SplitCountRow {
  split: string;
  count: number;
}

export class DatasetRepository {
  private readonly datasets: Repository<DatasetEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.datasets = dataSource.getRepository(DatasetEntity);
  }

  findAll(): Promise<DatasetEntity[]> {
    return this.datasets.find({ order: { id: 'ASC' } });
  }

  findById(id: string): Promise<DatasetEntity | null> {
    return this.datasets.findOneBy({ id });
  }

  splitCounts(datasetId: string): Promise<SplitCountRow[]> {
    return this.dataSource.query(
      `SELECT split, count(*)::int AS count FROM images WHERE dataset_id = $1 GROUP BY split ORDER BY split`,
      [datasetId],
    );
  }

  /** sha256 (hex) of the images' sha256s sorted ascending, each followed by "\n" (the runner's query). */
  contentSha256(datasetId: string): Promise<string> {
    return datasetContentSha256((sql, params) => this.dataSource.query(sql, params), datasetId);
  }
}
