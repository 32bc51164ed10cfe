import type { Stat } from '@ferbench/shared';

/** A statistic as the API shows it: a number, or null and the sentence saying why (GraphQL has no NaN). */
export function statValue(stat: Stat): { value: number | null; reason: string | null } {
  return stat.value === null ? { value: null, reason: stat.reason } : { value: stat.value, reason: null };
}
