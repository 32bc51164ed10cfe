import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DatasetEntity } from '../modules/dataset/dataset.entity.js';
import { ImageEntity } from '../modules/image/image.entity.js';
import { PredictionEntity } from '../modules/image/prediction.entity.js';
import { ModelEntity } from '../modules/model/model.entity.js';

export const ENTITIES = [DatasetEntity, ModelEntity, ImageEntity, PredictionEntity];

/** A TypeORM connection to an already migrated database: the migrations own the schema, so no synchronise. */
export function createDataSource(url: string): DataSource {
  return new DataSource({ type: 'postgres', url, entities: ENTITIES, synchronize: false, migrationsRun: false, logging: false });
}
