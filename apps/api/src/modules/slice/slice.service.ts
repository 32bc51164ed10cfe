import { MAX_CODED_RATERS } from '@ferbench/scores';
import { type Emotion, commonEmotions, largestGap, tableAgreement, wilsonInterval } from '@ferbench/shared';
import type { Public } from '../../container/public.js';
import { AgreementError, AgreementErrorCode } from '../agreement/agreement.error.js';
import { type BootstrapRequest, toFleissKappa } from '../agreement/estimate.mapper.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import type { ModelView } from '../model/model.mapper.js';
import type { ModelService } from '../model/model.service.js';
import type { SliceGapType } from './dto/slice-gap.type.js';
import type { SliceAccuracyType } from './dto/slice-group.type.js';
import type { SliceAttributeType, SlicesType } from './dto/slices.type.js';
import { SliceError, SliceErrorCode } from './slice.error.js';
import type { SliceRepository } from './slice.repository.js';

const CI_LEVEL = 0.95;
/** More groups than this is a continuous value or an id, not a slice; each group also costs a bootstrap. */
export const MAX_SLICE_GROUPS = 100;

const toGap = (gap: ReturnType<typeof largestGap>): SliceGapType => ({ ...gap, undefinedGroups: [...gap.undefinedGroups] });

export class SliceService {
  constructor(
    private readonly repository: Public<SliceRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'getMany' | 'listPredictedOn'>,
  ) {}

  attributes(datasetId: string): Promise<SliceAttributeType[]> {
    return this.repository.attributes(datasetId);
  }

  /**
   * Per group of the attribute: each model's accuracy with its Wilson interval (over the labels it shares with the
   * gold labels, as the leaderboard), the models' Fleiss κ with a bootstrap CI; and the largest gaps between groups.
   */
  async slices(datasetId: string, attribute: string, modelIds: readonly string[] | undefined, bootstrap: { resamples: number; seed: number }): Promise<SlicesType> {
    const dataset = await this.datasets.get(datasetId);
    const models = modelIds === undefined ? await this.models.listPredictedOn(datasetId) : await this.models.getMany(modelIds);
    if (models.length > MAX_CODED_RATERS) throw new AgreementError(AgreementErrorCode.TooManyModels, { count: models.length, max: MAX_CODED_RATERS });
    const sizes = await this.repository.groupSizes(datasetId, attribute);
    const groups = sizes.filter((s): s is { group: string; images: number } => s.group !== null);
    if (groups.length === 0)
      throw new SliceError(SliceErrorCode.UnknownAttribute, { datasetId, attribute, known: (await this.repository.attributes(datasetId)).map((a) => a.name) });
    if (groups.length > MAX_SLICE_GROUPS) throw new SliceError(SliceErrorCode.TooManyGroups, { attribute, groups: groups.length, max: MAX_SLICE_GROUPS });

    const gold = await this.repository.goldEmotions(datasetId);
    const labelSet = commonEmotions(models.map((m) => m.emotions));
    const [accuracy, tables] = await Promise.all([
      Promise.all(models.map((model) => this.accuracyByGroup(datasetId, model, gold, attribute))),
      this.repository.countPatterns(datasetId, models.map((m) => m.id), labelSet, attribute),
    ]);
    const request: BootstrapRequest = { ...bootstrap, level: CI_LEVEL };
    const sliced = groups.map(({ group, images }) => {
      const table = tables.get(group) ?? { categories: labelSet, patterns: [] };
      const stats = tableAgreement(table, models.length, request.resamples > 0 ? { bootstrap: request } : {});
      return {
        group,
        images,
        accuracies: models.map((model, m) => accuracy[m]!.get(group) ?? toAccuracy(model, 0, 0)),
        fleiss: toFleissKappa(stats.fleissKappa, stats.fleissPerCategory, stats.itemTally.complete, stats.bootstrap?.fleissKappa, request),
      };
    });
    return {
      dataset,
      attribute,
      models,
      labelSet,
      imagesWithoutAttribute: sizes.filter((s) => s.group === null).reduce((n, s) => n + s.images, 0),
      groups: sliced,
      accuracyGaps: models.map((model, m) => ({ model, gap: toGap(largestGap(sliced.map((g) => ({ group: g.group, value: g.accuracies[m]!.accuracy })))) })),
      kappaGap: toGap(largestGap(sliced.map((g) => ({ group: g.group, value: g.fleiss.value })))),
    };
  }

  private async accuracyByGroup(datasetId: string, model: ModelView, gold: readonly Emotion[], attribute: string): Promise<Map<string, SliceAccuracyType>> {
    const counts = await this.repository.accuracyCounts(datasetId, model.id, commonEmotions([gold, model.emotions]), attribute);
    return new Map(counts.map((c) => [c.group, toAccuracy(model, c.correct, c.n)]));
  }
}

function toAccuracy(model: ModelView, correct: number, n: number): SliceAccuracyType {
  return { model, n, correct, accuracy: n === 0 ? null : correct / n, ...wilsonInterval(correct, n), ciLevel: CI_LEVEL };
}
