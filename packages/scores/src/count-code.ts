import { EMOTIONS } from '@ferbench/shared';

/**
 * A face's votes over the canonical emotions packed into one number, so Postgres aggregates one bigint per
 * prediction instead of one counter per emotion: code = Σ_k count_k · B^k with base B = raters + 1, so each
 * count (at most `raters`) is one digit and distinct vote vectors get distinct codes. The per-vote terms B^k
 * must fit a bigint: B^7 < 2^63 holds up to MAX_CODED_RATERS.
 */
export const MAX_CODED_RATERS = 500;

/** B^k for k = 0…7, as decimal strings for a bigint[] parameter: the term a vote for emotion k adds. */
export function voteTerms(raters: number): string[] {
  if (!Number.isInteger(raters) || raters < 0 || raters > MAX_CODED_RATERS)
    throw new RangeError(`vote codes cover 0 to ${MAX_CODED_RATERS} raters, not ${raters}`);
  const base = BigInt(raters + 1);
  return EMOTIONS.map((_, k) => (base ** BigInt(k)).toString());
}

/** The per-emotion counts (EMOTIONS order) of a code summed from voteTerms(raters). */
export function decodeVotes(code: string | number | bigint, raters: number): number[] {
  const base = BigInt(raters + 1);
  let rest = BigInt(code);
  const counts = EMOTIONS.map(() => {
    const digit = rest % base;
    rest /= base;
    return Number(digit);
  });
  if (rest !== 0n || BigInt(code) < 0n) throw new RangeError(`${code} is not a vote code of ${raters} raters`);
  return counts;
}
