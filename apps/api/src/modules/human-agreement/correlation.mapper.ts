import type { Correlation } from '@ferbench/shared';
import { statValue } from '../../common/stat-value.js';
import type { CorrelationType } from './dto/correlation.type.js';

/** The level of shared/stats' Fisher intervals (z₀.₉₇₅). */
const FISHER_CI_LEVEL = 0.95;

export function toCorrelation(correlation: Correlation, n: number): CorrelationType {
  const { value, reason } = statValue(correlation);
  const defined = correlation.value === null ? null : correlation;
  return { value, reason, n, ciLow: defined?.ciLow ?? null, ciHigh: defined?.ciHigh ?? null, ciLevel: FISHER_CI_LEVEL };
}
