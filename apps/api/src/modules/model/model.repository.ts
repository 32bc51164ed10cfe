import { type DataSource, In, type Repository } from 'typeorm';
import { ModelEntity } from './model.entity.js';

export class ModelRepository {
  private readonly models: Repository<ModelEntity>;

  constructor(dataSource: DataSource) {
    this.models = dataSource.getRepository(ModelEntity);
  }

  findAll(): Promise<ModelEntity[]> {
    return this.models.find({ order: { id: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<ModelEntity[]> {
    return this.models.findBy({ id: In([...ids]) });
  }

  /** Models with at least one prediction on a face of the dataset. */
  findPredictedOn(datasetId: string): Promise<ModelEntity[]> {
    return this.models
      .createQueryBuilder('m')
      .where(
        'EXISTS (SELECT 1 FROM predictions p JOIN images i ON i.id = p.image_id WHERE p.model_id = m.id AND i.dataset_id = :datasetId)',
        { datasetId },
      )
      .orderBy('m.id', 'ASC')
      .getMany();
  }
}
