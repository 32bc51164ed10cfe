import { type CountTable, checkedCountRows } from './count-table.js';

/** Per-face agreement, from that item's non-null ratings. */
export interface ItemAgreement {
  readonly ratings: number;
  /** Most frequent category; a tie goes to the category declared earliest. Null without ratings. */
  readonly majority: string | null;
  readonly tied: boolean;
  /** Every category sharing the top count, in declared order; empty when there is no tie. */
  readonly tiedLabels: readonly string[];
  /** Vote entropy −Σ p log₂ p in bits (0·log 0 = 0); null without ratings. */
  readonly entropyBits: number | null;
  /** Fleiss' P_i = Σ r_ik(r_ik − 1)/(r_i(r_i − 1)); null with fewer than 2 ratings. */
  readonly pI: number | null;
}

export function itemAgreement(categories: readonly string[], counts: ArrayLike<number>, total?: number): ItemAgreement {
  const r = total ?? Array.from(counts).reduce((a, b) => a + b, 0);
  if (r === 0) return { ratings: 0, majority: null, tied: false, tiedLabels: [], entropyBits: null, pI: null };
  let top = -1;
  let entropy = 0;
  let pairs = 0;
  for (let k = 0; k < categories.length; k++) {
    const x = counts[k]!;
    if (x > top) top = x;
    if (x > 0) entropy -= (x / r) * Math.log2(x / r);
    pairs += x * (x - 1);
  }
  const leaders = categories.filter((_, k) => counts[k] === top);
  return {
    ratings: r,
    majority: leaders[0]!,
    tied: leaders.length > 1,
    tiedLabels: leaders.length > 1 ? leaders : [],
    entropyBits: entropy === 0 ? 0 : entropy,
    pI: r < 2 ? null : pairs / (r * (r - 1)),
  };
}

/** Per-item agreement for every row of a count table, lazily, so a stream of faces stays a stream. */
export function* itemAgreements(table: CountTable): Generator<ItemAgreement> {
  for (const { row, total } of checkedCountRows(table)) yield itemAgreement(table.categories, row, total);
}
