import { classificationMetrics, cohenKappa, wilsonInterval } from '@ferbench/shared';
import { statValue } from '../../common/stat-value.js';
import type { Public } from '../../container/public.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import { commonEmotions } from '../model/common-emotions.js';
import type { ModelView } from '../model/model.mapper.js';
import type { ModelService } from '../model/model.service.js';
import type { LeaderboardEntryType } from './dto/leaderboard-entry.type.js';
import type { LeaderboardType } from './dto/leaderboard.type.js';
import type { LeaderboardRepository } from './leaderboard.repository.js';

const byAccuracyThenId = (a: LeaderboardEntryType, b: LeaderboardEntryType): number =>
  (b.accuracy ?? -Infinity) - (a.accuracy ?? -Infinity) || a.model.id.localeCompare(b.model.id);

export class LeaderboardService {
  constructor(
    private readonly repository: Public<LeaderboardRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'listPredictedOn'>,
  ) {}

  async leaderboard(datasetId: string): Promise<LeaderboardType> {
    const dataset = await this.datasets.get(datasetId);
    const [models, gold] = await Promise.all([this.models.listPredictedOn(datasetId, { ensembles: true }), this.repository.goldEmotions(datasetId)]);
    const entries = await Promise.all(models.map((model) => this.entry(datasetId, model, gold)));
    return { dataset, entries: entries.sort(byAccuracyThenId) };
  }

  private async entry(datasetId: string, model: ModelView, gold: ModelView['emotions']): Promise<LeaderboardEntryType> {
    const labelSet = commonEmotions([gold, model.emotions]);
    const matrix = await this.repository.confusion(datasetId, model.id, labelSet);
    const metrics = classificationMetrics(matrix);
    const accuracy = statValue(metrics.accuracy);
    const ci = wilsonInterval(matrix.counts.reduce((a, row, k) => a + row[k]!, 0), metrics.n);
    const kappa = cohenKappa(matrix.counts);
    const macroF1 = statValue(metrics.macroF1);
    return {
      datasetId,
      model,
      n: metrics.n,
      accuracy: accuracy.value,
      accuracyReason: accuracy.reason,
      accuracyCiLow: ci.ciLow,
      accuracyCiHigh: ci.ciHigh,
      kappa: kappa.value,
      kappaCiLow: kappa.value === null ? null : kappa.ciLow,
      kappaCiHigh: kappa.value === null ? null : kappa.ciHigh,
      macroF1: macroF1.value,
      macroF1Reason: macroF1.reason,
      labelSet,
    };
  }
}
