import type { FleissKappa } from '@ferbench/shared';
import type { Public } from '../../container/public.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import type { ModelService } from '../model/model.service.js';
import type { KappaValueType, RobustnessType } from './dto/robustness.type.js';
import { parseRequestedPerturbation } from './perturbation-name.js';
import type { RobustnessRepository } from './robustness.repository.js';

const canonical = (text: string): string => parseRequestedPerturbation(text).canonical;

const kappa = (k: FleissKappa): KappaValueType => (k.value === null ? { value: null, reason: k.reason, se: null } : { value: k.value, reason: null, se: k.se });

export class RobustnessService {
  constructor(
    private readonly repository: Public<RobustnessRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'getMany' | 'listPredictedOn'>,
  ) {}

  async robustness(datasetId: string, modelIds: readonly string[] | undefined, perturbations: readonly string[] | undefined): Promise<RobustnessType> {
    const dataset = await this.datasets.get(datasetId);
    const models = modelIds === undefined ? await this.models.listPredictedOn(datasetId) : await this.models.getMany(modelIds);
    const names = perturbations === undefined ? null : perturbations.map(canonical);
    const r = await this.repository.robustness(datasetId, models.map((m) => m.id), names);
    const byId = new Map(models.map((m) => [m.id, m]));
    return {
      dataset,
      dataSha256: r.datasetSha256,
      models: r.models.map((m) => byId.get(m.id)!),
      labelSet: r.labelSet,
      perturbations: r.perturbations.map((p) => ({
        perturbation: p.perturbation,
        nFaces: p.nFaces,
        kappaClean: kappa(p.kappaClean),
        kappa: kappa(p.kappa),
        models: p.models.map((m) => ({
          modelId: m.modelId,
          accuracy:
            m.accuracy.value === null
              ? { value: null, reason: m.accuracy.reason, n: 0, clean: null, perturbed: null, se: null, ciLow: null, ciHigh: null }
              : { ...m.accuracy, reason: null },
          flips: m.flips,
        })),
      })),
    };
  }
}
