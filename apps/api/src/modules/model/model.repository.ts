import { IS_ENSEMBLE_SQL } from '@ferbench/scores';
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

  /** Models with at least one prediction on a face of the dataset; ensembles only when asked for. */
  findPredictedOn(datasetId: string, options: { ensembles?: boolean } = {}): Promise<ModelEntity[]> {
    return this.models
      .createQueryBuilder('m')
      .where(
        'EXISTS (SELECT 1 FROM predictions p JOIN images i ON i.id = p.image_id WHERE p.model_id = m.id AND i.dataset_id = :datasetId)',
        { datasetId },
      )
      .andWhere(`(:ensembles OR NOT ${IS_ENSEMBLE_SQL})`, { ensembles: options.ensembles === true })
      .orderBy('m.id', 'ASC')
      .getMany();
  }
}
