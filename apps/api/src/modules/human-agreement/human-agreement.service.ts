import { type ConfusionMatrix, type Emotion, HUMAN_VOTE_CATEGORIES, classificationMetrics, pearsonCorrelation, spearmanCorrelation, wilsonInterval } from '@ferbench/shared';
import { statValue } from '../../common/stat-value.js';
import type { AgreementCompute } from '../../compute/agreement-computer.js';
import type { Public } from '../../container/public.js';
import type { AgreementService, RaterChoice } from '../agreement/agreement.service.js';
import { toCohenKappa } from '../agreement/cohen-kappa.mapper.js';
import { type BootstrapRequest, toFleissKappa } from '../agreement/estimate.mapper.js';
import type { FleissKappaType } from '../agreement/dto/fleiss-kappa.type.js';
import type { LeaderboardRepository } from '../leaderboard/leaderboard.repository.js';
import type { ModelType } from '../model/dto/model.type.js';
import { toCorrelation } from './correlation.mapper.js';
import type { EntropyComparisonType } from './dto/entropy-comparison.type.js';
import type { HumanAgreementType } from './dto/human-agreement.type.js';
import type { ModelVsMajorityType } from './dto/model-vs-majority.type.js';
import type { HumanAgreementRepository } from './human-agreement.repository.js';

const CI_LEVEL = 0.95;

export class HumanAgreementService {
  constructor(
    private readonly repository: Public<HumanAgreementRepository>,
    private readonly agreements: Pick<AgreementService, 'agreement'>,
    private readonly confusions: Pick<LeaderboardRepository, 'confusion'>,
    /** tableAgreement off the event loop (a worker pool) and cached. */
    private readonly compute: AgreementCompute,
  ) {}

  /**
   * The humans' κ, the models' κ, each model against the human majority (the gold label), the models' κ with the
   * majority as one more rater, and the human vs model vote entropy of each face with their correlations.
   */
  async humanAgreement(datasetId: string, choice: RaterChoice, bootstrap: { resamples: number; seed: number }): Promise<HumanAgreementType> {
    const models = await this.agreements.agreement(datasetId, choice, bootstrap);
    const raters: RaterChoice = { models: models.models.map((m) => m.id), labelSet: models.labelSet };
    const [withMajority, humans, versus, entropy, votedFaces] = await Promise.all([
      this.agreements.agreement(datasetId, { ...raters, goldAsRater: true }, bootstrap),
      this.humans(datasetId, { ...bootstrap, level: CI_LEVEL }),
      Promise.all(models.models.map((model) => this.versusMajority(datasetId, model, models.labelSet as Emotion[]))),
      this.entropy(datasetId, raters.models!, models.labelSet as Emotion[]),
      this.votedFaces(datasetId),
    ]);
    return {
      dataset: models.dataset,
      models: models.models,
      labelSet: models.labelSet,
      humanCategories: [...HUMAN_VOTE_CATEGORIES],
      votedFaces,
      votesPerFace: humans.votesPerFace,
      humans: humans.kappa,
      modelsKappa: models.fleiss,
      modelsVsMajority: versus,
      modelsAndMajority: withMajority.fleiss,
      entropy,
    };
  }

  /** Faces of the dataset with human votes (0: none, humanAgreement has nothing human to show). */
  votedFaces(datasetId: string): Promise<number> {
    return this.repository.votedFaces(datasetId);
  }

  private async humans(datasetId: string, request: BootstrapRequest): Promise<{ votesPerFace: number; kappa: FleissKappaType }> {
    const table = await this.repository.humanVotePatterns(datasetId);
    const votesPerFace = table.patterns.reduce((most, p) => Math.max(most, Array.from(p.counts).reduce((a, b) => a + b, 0)), 0);
    const stats = await this.compute.agreement(table, votesPerFace, request.resamples > 0 ? request : undefined);
    return {
      votesPerFace,
      kappa: toFleissKappa(stats.fleissKappa, stats.fleissPerCategory, stats.itemTally.complete, stats.bootstrap?.fleissKappa, request),
    };
  }

  private async versusMajority(datasetId: string, model: ModelType, labelSet: readonly Emotion[]): Promise<ModelVsMajorityType> {
    const matrix: ConfusionMatrix = await this.confusions.confusion(datasetId, model.id, labelSet);
    const metrics = classificationMetrics(matrix);
    const { value: accuracy } = statValue(metrics.accuracy);
    const correct = matrix.counts.reduce((sum, row, k) => sum + row[k]!, 0);
    const ci = wilsonInterval(correct, metrics.n);
    return {
      model,
      n: metrics.n,
      accuracy,
      accuracySe: accuracy === null ? null : Math.sqrt((accuracy * (1 - accuracy)) / metrics.n),
      accuracyCiLow: ci.ciLow,
      accuracyCiHigh: ci.ciHigh,
      kappa: toCohenKappa(matrix.counts),
    };
  }

  private async entropy(datasetId: string, modelIds: readonly string[], labelSet: readonly Emotion[]): Promise<EntropyComparisonType> {
    const cells = await this.repository.entropyCells(datasetId, modelIds, labelSet);
    const pairs = cells.map((c) => ({ x: c.human, y: c.model, weight: c.faces }));
    const n = cells.reduce((sum, c) => sum + c.faces, 0);
    return {
      n,
      pearson: toCorrelation(pearsonCorrelation(pairs), n),
      spearman: toCorrelation(spearmanCorrelation(pairs), n),
      cells: cells.map((c) => ({ humanEntropyBits: c.human, modelEntropyBits: c.model, faces: c.faces })),
    };
  }
}
