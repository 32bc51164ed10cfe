/**
 * How numbers are shown everywhere on the dashboard. One place, so a table and a summary never round the
 * same value differently.
 */
const MISSING = '—';

/** A proportion in [0, 1] as a percentage with one decimal: 0.6234 → "62.3 %". */
export function formatPercent(value: number | null | undefined): string {
  return value == null ? MISSING : `${(value * 100).toFixed(1)} %`;
}

/** A statistic such as κ or F1, three decimals: 0.41234 → "0.412" (negative values keep their sign). */
export function formatStatistic(value: number | null | undefined): string {
  return value == null ? MISSING : value.toFixed(3).replace('-', '−');
}

/** A change in a statistic, three decimals with its sign: 0.015 → "+0.015", −0.319 → "−0.319". */
export function formatSignedStatistic(value: number | null | undefined): string {
  return value == null ? MISSING : `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)}`;
}

/** A count with thousands separators, fixed locale so server and tests agree: 3068 → "3,068". */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** A probability, two decimals: 0.8734 → "0.87". */
export function formatProbability(value: number | null | undefined): string {
  return value == null ? MISSING : value.toFixed(2);
}
