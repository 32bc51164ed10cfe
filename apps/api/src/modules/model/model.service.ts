import type { Public } from '../../container/public.js';
import { ModelError, ModelErrorCode } from './model.error.js';
import { type ModelView, toModelView } from './model.mapper.js';
import type { ModelRepository } from './model.repository.js';

export class ModelService {
  constructor(private readonly repository: Public<ModelRepository>) {}

  async list(): Promise<ModelView[]> {
    return (await this.repository.findAll()).map(toModelView);
  }

  /** The models with these ids, in the order asked for; any unknown id is the caller's error. */
  async getMany(ids: readonly string[]): Promise<ModelView[]> {
    const found = new Map((await this.repository.findByIds(ids)).map((m) => [m.id, toModelView(m)]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw new ModelError(ModelErrorCode.NotFound, { ids: missing });
    return ids.map((id) => found.get(id)!);
  }

  /** Models that predicted the dataset; ensembles only when asked for (they would count their members twice in κ). */
  async listPredictedOn(datasetId: string, options: { ensembles?: boolean } = {}): Promise<ModelView[]> {
    return (await this.repository.findPredictedOn(datasetId, options)).map(toModelView);
  }
}
