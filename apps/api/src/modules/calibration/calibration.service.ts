import type { Public } from '../../container/public.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import { commonEmotions } from '../model/common-emotions.js';
import type { ModelService } from '../model/model.service.js';
import type { CalibrationRepository } from './calibration.repository.js';
import { DEFAULT_GATE_THRESHOLDS } from './dto/calibration.args.js';
import type { CalibrationType } from './dto/calibration.type.js';
import type { GatedAgreementType } from './dto/gated-agreement.type.js';

export class CalibrationService {
  constructor(
    private readonly repository: Public<CalibrationRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'getMany' | 'listPredictedOn'>,
  ) {}

  /** Per model (default: every model and ensemble that predicted the dataset), over the emotions each can emit. */
  async calibrations(args: { dataset: string; models?: readonly string[] | null; bins: number; threshold: number }): Promise<CalibrationType[]> {
    const dataset = await this.datasets.get(args.dataset);
    const models = args.models ? await this.models.getMany(args.models) : await this.models.listPredictedOn(args.dataset, { ensembles: true });
    return Promise.all(
      models.map(async (model) => ({ model, dataset, ...(await this.repository.calibration(dataset.id, model.id, model.emotions, { bins: args.bins, threshold: args.threshold })) })),
    );
  }

  /** κ among models (default: those that predicted the dataset, ensembles left out) against τ. */
  async gated(args: { dataset: string; models?: readonly string[] | null; thresholds?: readonly number[] | null }): Promise<GatedAgreementType> {
    const dataset = await this.datasets.get(args.dataset);
    const models = args.models ? await this.models.getMany(args.models) : await this.models.listPredictedOn(args.dataset);
    const labelSet = commonEmotions(models.map((m) => m.emotions));
    const thresholds = [...new Set(args.thresholds ?? DEFAULT_GATE_THRESHOLDS)].sort((a, b) => a - b);
    const { nComplete, points } = models.length === 0 ? { nComplete: 0, points: [] } : await this.repository.gated(dataset.id, models.map((m) => m.id), labelSet, thresholds);
    return { dataset, models, labelSet, nComplete, points };
  }
}
