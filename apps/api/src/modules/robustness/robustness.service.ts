import type { PairedKappaBootstrap, PerturbationRobustness } from '@ferbench/scores';
import { type BootstrapCi, undefinedStat } from '@ferbench/shared';
import type { AgreementCompute } from '../../compute/agreement-computer.js';
import type { Public } from '../../container/public.js';
import { type BootstrapRequest, toEstimate } from '../agreement/estimate.mapper.js';
import type { DatasetService } from '../dataset/dataset.service.js';
import type { ModelService } from '../model/model.service.js';
import type { PerturbationRobustnessType, RobustnessType } from './dto/robustness.type.js';
import { parseRequestedPerturbation } from './perturbation-name.js';
import type { RobustnessRepository } from './robustness.repository.js';

const canonical = (text: string): string => parseRequestedPerturbation(text).canonical;

/** κ clean, κ perturbed and Δκ of one perturbation as estimates over its faces, with the CIs when a bootstrap ran. */
function kappas(p: PerturbationRobustness, paired: PairedKappaBootstrap | undefined, request: BootstrapRequest): Pick<PerturbationRobustnessType, 'kappaClean' | 'kappa' | 'deltaKappa'> {
  const ci = (pick: (b: PairedKappaBootstrap) => BootstrapCi): BootstrapCi | undefined => (paired === undefined ? undefined : pick(paired));
  const delta = p.kappaClean.value === null || p.kappa.value === null ? undefinedStat('κ is undefined clean or perturbed') : { value: p.kappa.value - p.kappaClean.value };
  return {
    kappaClean: toEstimate(p.kappaClean, p.nFaces, p.kappaClean.value === null ? null : p.kappaClean.se, ci((b) => b.ci.clean), request),
    kappa: toEstimate(p.kappa, p.nFaces, p.kappa.value === null ? null : p.kappa.se, ci((b) => b.ci.perturbed), request),
    deltaKappa: toEstimate(delta, p.nFaces, null, ci((b) => b.ci.delta), request),
  };
}

export class RobustnessService {
  constructor(
    private readonly repository: Public<RobustnessRepository>,
    private readonly datasets: Pick<DatasetService, 'get'>,
    private readonly models: Pick<ModelService, 'getMany' | 'listPredictedOn'>,
    private readonly compute: Pick<AgreementCompute, 'pairedKappa'>,
  ) {}

  /** `bootstrap.resamples` 0: no CIs. The bootstraps (one per perturbation) run on the compute pool, off the event loop. */
  async robustness(
    datasetId: string,
    modelIds: readonly string[] | undefined,
    perturbations: readonly string[] | undefined,
    bootstrap: BootstrapRequest,
  ): Promise<RobustnessType> {
    const dataset = await this.datasets.get(datasetId);
    const models = modelIds === undefined ? await this.models.listPredictedOn(datasetId) : await this.models.getMany(modelIds);
    const names = perturbations === undefined ? null : perturbations.map(canonical);
    const r = await this.repository.robustness(datasetId, models.map((m) => m.id), names);
    const byId = new Map(models.map((m) => [m.id, m]));
    const raters = r.models.length;
    const paired = await Promise.all(
      r.perturbations.map((p) => (bootstrap.resamples === 0 ? undefined : this.compute.pairedKappa(p.paired, raters, bootstrap))),
    );
    return {
      dataset,
      dataSha256: r.datasetSha256,
      models: r.models.map((m) => byId.get(m.id)!),
      labelSet: r.labelSet,
      perturbations: r.perturbations.map((p, i) => ({
        perturbation: p.perturbation,
        nFaces: p.nFaces,
        ...kappas(p, paired[i], bootstrap),
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
