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

/** √x, treating a rounding-error negative (a variance of -1e-17) as 0; null for a real negative or non-finite. */
export function sqrtVariance(variance: number): number | null {
  if (!Number.isFinite(variance)) return null;
  if (variance < 0) return variance > -1e-12 ? 0 : null;
  return Math.sqrt(variance);
}
