import { EnsembleError as EngineEnsembleError, EnsembleErrorCode as EngineCode } from '@ferbench/scores';
import type { Public } from '../../container/public.js';
import type { ModelService } from '../model/model.service.js';
import type { TokenService } from '../token/token.service.js';
import type { EnsembleCreatedType } from './dto/ensemble-created.type.js';
import { EnsembleError, EnsembleErrorCode } from './ensemble.error.js';
import type { EnsembleRepository } from './ensemble.repository.js';

export class EnsembleService {
  constructor(
    private readonly repository: Public<EnsembleRepository>,
    private readonly tokens: Pick<TokenService, 'authenticate'>,
    private readonly models: Pick<ModelService, 'getMany'>,
  ) {}

  /** For token holders: a new ensemble of registered models, its predictions computed at once. */
  async create(authorization: string | undefined, args: { id: string; rule: string; members: readonly string[] }): Promise<EnsembleCreatedType> {
    await this.tokens.authenticate(authorization);
    try {
      const created = await this.repository.create(args);
      const [model] = await this.models.getMany([created.id]);
      return { model: model!, datasets: created.datasets };
    } catch (error) {
      if (!(error instanceof EngineEnsembleError)) throw error;
      if (error.code === EngineCode.IdTaken) throw new EnsembleError(EnsembleErrorCode.IdTaken, { id: args.id });
      throw new EnsembleError(EnsembleErrorCode.Invalid, { problem: error.message });
    }
  }
}
