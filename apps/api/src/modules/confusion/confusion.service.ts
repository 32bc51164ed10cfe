import { classificationMetrics } from '@ferbench/shared';
import { statValue } from '../../common/stat-value.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import type { LeaderboardRepository } from '../leaderboard/leaderboard.repository.js';
import { commonEmotions } from '../model/common-emotions.js';
import type { ModelService } from '../model/model.service.js';
import type { ConfusionType } from './dto/confusion.type.js';

export class ConfusionService {
  constructor(
    /** The leaderboard's count queries: the matrix is the one each leaderboard entry is scored from. */
    private readonly counts: Pick<LeaderboardRepository, 'goldEmotions' | 'confusion'>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'getMany'>,
  ) {}

  async confusion(modelId: string, datasetId: string): Promise<ConfusionType> {
    const dataset = await this.datasets.get(datasetId);
    const [model] = await this.models.getMany([modelId]);
    const labelSet = commonEmotions([await this.counts.goldEmotions(datasetId), model!.emotions]);
    const matrix = await this.counts.confusion(datasetId, model!.id, labelSet);
    const metrics = classificationMetrics(matrix);
    const accuracy = statValue(metrics.accuracy);
    return {
      model: model!,
      dataset,
      labelSet,
      matrix: matrix.counts.map((row) => [...row]),
      n: metrics.n,
      accuracy: accuracy.value,
      macroF1: statValue(metrics.macroF1).value,
      balancedAccuracy: statValue(metrics.balancedAccuracy).value,
      reason: accuracy.reason,
      perClass: metrics.perClass.map((c) => ({
        label: c.category,
        support: c.support,
        predicted: c.predicted,
        precision: c.precision,
        recall: c.recall,
        f1: c.f1,
      })),
    };
  }
}
