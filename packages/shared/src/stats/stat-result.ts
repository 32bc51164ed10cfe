/**
 * A statistic that may be undefined for the data (one category only, one rater, no items, a zero denominator).
 * Results end up in JSON and GraphQL, which have no NaN or Infinity, so an undefined value is `null` together
 * with a sentence saying why, never a non-finite number.
 */
export interface UndefinedStat {
  readonly value: null;
  readonly reason: string;
}

/** A defined value with its extra fields, or null with a reason. */
export type Stat<T extends object = object> = ({ readonly value: number } & T) | UndefinedStat;

export function undefinedStat(reason: string): UndefinedStat {
  return { value: null, reason };
}

export function isDefinedStat<T extends object>(stat: Stat<T>): stat is { readonly value: number } & T {
  return stat.value !== null;
}

/** x / y, or null when the quotient is not a finite number (0/0, x/0), so NaN cannot leak out. */
export function ratio(x: number, y: number): number | null {
  const q = x / y;
  return Number.isFinite(q) ? q : null;
}

/**
 * √variance for a variance computed as a difference of terms of size `scale`: anything within rounding noise of
 * 0 (either sign) is 0, so a zero variance cannot turn into a spurious 1e-8 SE or a NaN; null for a truly
 * negative or non-finite variance.
 */
export function sqrtVariance(variance: number, scale = 0): number | null {
  if (!Number.isFinite(variance)) return null;
  if (Math.abs(variance) <= 64 * Number.EPSILON * Math.abs(scale)) return 0;
  return variance < 0 ? null : Math.sqrt(variance);
}
