import type { Public } from '../../container/public.js';
import { DatasetError, DatasetErrorCode } from './dataset.error.js';
import type { DatasetEntity } from './dataset.entity.js';
import type { DatasetRepository } from './dataset.repository.js';
import type { DatasetType } from './dto/dataset.type.js';
import type { SplitCountType } from './dto/split-count.type.js';

function toDatasetType(entity: DatasetEntity): DatasetType {
  return { id: entity.id, name: entity.name, format: entity.format };
}

export class DatasetService {
  constructor(private readonly repository: Public<DatasetRepository>) {}

  async list(): Promise<DatasetType[]> {
    return (await this.repository.findAll()).map(toDatasetType);
  }

  async find(id: string): Promise<DatasetType | null> {
    const entity = await this.repository.findById(id);
    return entity === null ? null : toDatasetType(entity);
  }

  /** For operations that cannot go on without the dataset: an unknown id is the caller's error. */
  async get(id: string): Promise<DatasetType> {
    const dataset = await this.find(id);
    if (dataset === null) throw new DatasetError(DatasetErrorCode.NotFound, { id });
    return dataset;
  }

  splits(id: string): Promise<SplitCountType[]> {
    return this.repository.splitCounts(id);
  }

  async imageCount(id: string): Promise<number> {
    return (await this.splits(id)).reduce((sum, s) => sum + s.count, 0);
  }

  dataSha256(id: string): Promise<string> {
    return this.repository.contentSha256(id);
  }
}
