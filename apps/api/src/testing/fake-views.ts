import type { Emotion } from '@ferbench/shared';
import type { DatasetType } from '../modules/dataset/dto/dataset.type.js';
import type { ModelView } from '../modules/model/model.mapper.js';

export const FAKE_DATASET: DatasetType = { id: 'd', name: 'D', format: 'test' };

/** A model view for service tests that run without a database. */
export function fakeModel(id: string, emotions: Emotion[]): ModelView {
  return { id, name: id, version: '1', sha256: '0'.repeat(64), architecture: 'CNN', trainingData: 'x', licence: 'MIT', sourceUrl: 'https://x', labels: emotions, emotions, zoo: false, ensemble: null };
}
