import { type BootstrapCi, type CategoryKappa, type FleissKappa, type Stat, landisKoch } from '@ferbench/shared';
import { statValue } from '../../common/stat-value.js';
import type { CategoryKappaType } from './dto/category-kappa.type.js';
import type { EstimateType } from './dto/estimate.type.js';
import type { FleissKappaType } from './dto/fleiss-kappa.type.js';

/** What was asked of the bootstrap; `resamples` 0 means no CI. */
export interface BootstrapRequest {
  readonly resamples: number;
  readonly seed: number;
  readonly level: number;
}

/** A statistic, the faces behind it, its analytic SE if any, and its CI (undefined when no bootstrap was run). */
export function toEstimate(stat: Stat, n: number, se: number | null, ci: BootstrapCi | undefined, request: BootstrapRequest): EstimateType {
  const { value, reason } = statValue(stat);
  const bounds =
    ci === undefined
      ? { ciLow: null, ciHigh: null, ciReason: 'no bootstrap was asked for (resamples: 0)', undefinedResamples: 0 }
      : value === null
        ? { ciLow: null, ciHigh: null, ciReason: 'the statistic is undefined on these faces', undefinedResamples: ci.undefinedResamples }
        : { ciLow: ci.low, ciHigh: ci.high, ciReason: ci.low === null ? ci.reason : null, undefinedResamples: ci.undefinedResamples };
  return { value, reason, n, se: value === null ? null : se, ...bounds, ciLevel: request.level, resamples: request.resamples, seed: request.seed };
}

function toCategoryKappa(kappa: CategoryKappa): CategoryKappaType {
  const { value, reason } = statValue(kappa);
  return { label: kappa.category, value, reason, se: kappa.se, z: kappa.value === null ? null : kappa.z, p: kappa.value === null ? null : kappa.p };
}

export function toFleissKappa(
  kappa: FleissKappa,
  perCategory: readonly CategoryKappa[],
  n: number,
  ci: BootstrapCi | undefined,
  request: BootstrapRequest,
): FleissKappaType {
  const defined = kappa.value === null ? null : kappa;
  return {
    ...toEstimate(kappa, n, defined?.se ?? null, ci, request),
    z: defined?.z ?? null,
    p: defined?.p ?? null,
    interpretation: defined === null ? null : landisKoch(defined.value),
    perCategory: perCategory.map(toCategoryKappa),
  };
}
