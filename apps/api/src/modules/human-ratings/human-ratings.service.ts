import { ratingCorrelations } from '@ferbench/shared';
import type { Public } from '../../container/public.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import type { ModelView } from '../model/model.mapper.js';
import type { ModelService } from '../model/model.service.js';
import { toCorrelation } from '../human-agreement/correlation.mapper.js';
import type { ModelRatingCorrelationType } from './dto/model-rating-correlation.type.js';
import type { RatingCorrelationType } from './dto/rating-correlation.type.js';
import type { HumanRatingsRepository } from './human-ratings.repository.js';

export const RATING_CORRELATION_METHOD =
  "Spearman's ρ (mid-ranks for ties) of the model's probability for an emotion against the faces' mean human rating of it; " +
  "95% CI by Fisher's z with Fieller's variance 1.06/(n − 3) (none with n < 4 or |ρ| = 1).";

export class HumanRatingsService {
  constructor(
    private readonly repository: Public<HumanRatingsRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'getMany' | 'listPredictedOn'>,
  ) {}

  /** Faces of the dataset with human ratings (0: none, ratingCorrelation has nothing to compare with). */
  async ratedFaces(datasetId: string): Promise<number> {
    return (await this.repository.info(datasetId)).faces;
  }

  /** Each model's probability vs people's mean rating, per rated emotion and pooled over them. */
  async ratingCorrelation(datasetId: string, modelIds: readonly string[] | undefined): Promise<RatingCorrelationType> {
    const dataset = await this.datasets.get(datasetId);
    const [info, models] = await Promise.all([
      this.repository.info(datasetId),
      modelIds === undefined ? this.models.listPredictedOn(datasetId) : this.models.getMany(modelIds),
    ]);
    return {
      dataset,
      ratedFaces: info.faces,
      emotions: info.emotions,
      scaleMin: info.scaleMin,
      scaleMax: info.scaleMax,
      raters: info.raters,
      method: RATING_CORRELATION_METHOD,
      models: await Promise.all(models.map((model) => this.forModel(datasetId, model, info.emotions))),
    };
  }

  private async forModel(datasetId: string, model: ModelView, emotions: readonly string[]): Promise<ModelRatingCorrelationType> {
    const result = ratingCorrelations(await this.repository.cells(datasetId, model.id), emotions);
    return {
      model,
      pooled: toCorrelation(result.pooled.spearman, result.pooled.n),
      emotions: result.perEmotion.map((e) => ({ emotion: e.emotion, spearman: toCorrelation(e.spearman, e.n) })),
    };
  }
}
