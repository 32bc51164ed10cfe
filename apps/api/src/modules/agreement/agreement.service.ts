import type { Emotion } from '@ferbench/shared';
import type { AgreementCompute } from '../../compute/agreement-computer.js';
import type { Public } from '../../container/public.js';
import type { DatasetType } from '../dataset/dto/dataset.type.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import type { ModelView } from '../model/model.mapper.js';
import type { ModelService } from '../model/model.service.js';
import type { AgreementRepository } from './agreement.repository.js';
import type { AgreementType } from './dto/agreement.type.js';
import type { PairwiseType } from './dto/pairwise.type.js';
import { AgreementError, AgreementErrorCode } from './agreement.error.js';
import { toCohenKappa } from './cohen-kappa.mapper.js';
import { MAX_CODED_RATERS } from '@ferbench/scores';
import { type BootstrapRequest, toEstimate, toFleissKappa } from './estimate.mapper.js';
import { chooseLabelSet } from './label-set.js';

/** Who rates which faces over which labels. */
export interface RaterChoice {
  /** Undefined: every model with predictions on the dataset. */
  readonly models?: readonly string[] | undefined;
  /** Undefined: every label all the models can emit. */
  readonly labelSet?: readonly string[] | undefined;
  /** The dataset's gold label as one more rater (a face whose gold label is outside the label set lacks it). */
  readonly goldAsRater?: boolean | undefined;
}

const CI_LEVEL = 0.95;

export class AgreementService {
  constructor(
    private readonly repository: Public<AgreementRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'getMany' | 'listPredictedOn'>,
    /** tableAgreement off the event loop (a worker pool) and cached. */
    private readonly compute: AgreementCompute,
  ) {}

  /**
   * Every multi-rater statistic from the faces' count patterns (SQL does the counting), with bootstrap CIs from
   * `resamples` multinomial resamples of the faces (0: none).
   */
  async agreement(datasetId: string, choice: RaterChoice, bootstrap: { resamples: number; seed: number }): Promise<AgreementType> {
    const { dataset, models, labelSet } = await this.raters(datasetId, choice);
    const goldAsRater = choice.goldAsRater === true;
    const table = await this.repository.countPatterns(datasetId, ids(models), labelSet, { goldAsRater });
    const raters = models.length + (goldAsRater ? 1 : 0);
    const request: BootstrapRequest = { ...bootstrap, level: CI_LEVEL };
    const stats = await this.compute.agreement(table, raters, request.resamples > 0 ? request : undefined);
    const { itemTally: faces, bootstrap: ci } = stats;
    const fleiss = toFleissKappa(stats.fleissKappa, stats.fleissPerCategory, faces.complete, ci?.fleissKappa, request);
    const ac1 = stats.gwetAc1.declared;
    return {
      dataset,
      models,
      nFaces: faces.complete,
      nRaters: raters,
      labelSet,
      fleiss,
      krippendorffAlpha: toEstimate(stats.krippendorffAlpha, faces.paired, null, ci?.krippendorffAlpha, request),
      gwetAc1: toEstimate(ac1, faces.rated, ac1.value === null ? null : ac1.se, ci?.gwetAc1, request),
      percentAgreement: toEstimate(stats.percentAgreement, faces.complete, null, ci?.percentAgreement, request),
      fleissKappa: fleiss.value,
      fleissKappaReason: fleiss.reason,
      interpretation: fleiss.interpretation,
    };
  }

  /** Cohen's κ of every pair of the models, each over the faces both rated. */
  async pairwise(datasetId: string, choice: RaterChoice): Promise<PairwiseType> {
    const { dataset, models, labelSet } = await this.raters(datasetId, choice);
    const byId = new Map(models.map((m) => [m.id, m]));
    const pairs = await this.repository.pairTables(datasetId, ids(models), labelSet);
    return {
      dataset,
      models,
      labelSet,
      pairs: pairs.map((pair) => ({ modelA: byId.get(pair.first)!, modelB: byId.get(pair.second)!, kappa: toCohenKappa(pair.table) })),
    };
  }

  private async raters(datasetId: string, choice: RaterChoice): Promise<{ dataset: DatasetType; models: ModelView[]; labelSet: Emotion[] }> {
    const dataset = await this.datasets.get(datasetId);
    const models = choice.models === undefined ? await this.models.listPredictedOn(datasetId) : await this.models.getMany(choice.models);
    if (models.length > MAX_CODED_RATERS) throw new AgreementError(AgreementErrorCode.TooManyModels, { count: models.length, max: MAX_CODED_RATERS });
    return { dataset, models, labelSet: chooseLabelSet(models, choice.labelSet) };
  }
}

const ids = (models: readonly ModelView[]) => models.map((m) => m.id);
