import { type PairTable, cohenKappa } from '@ferbench/shared';
import { statValue } from '../../common/stat-value.js';
import type { CohenKappaType } from './dto/cohen-kappa.type.js';

/** The 95% of statsmodels' asymptotic CI (κ ∓ z₀.₉₇₅·se) that cohenKappa computes. */
const COHEN_CI_LEVEL = 0.95;

/** Cohen's κ of a pair table, with n = the faces in it (also when κ is undefined). */
export function toCohenKappa(table: PairTable): CohenKappaType {
  const kappa = cohenKappa(table);
  let n = 0;
  for (let a = 0; a < table.length; a++) for (let b = 0; b < table.length; b++) n += table[a]![b]!;
  const { value, reason } = statValue(kappa);
  const defined = kappa.value === null ? null : kappa;
  return {
    value,
    reason,
    n,
    se: defined?.se ?? null,
    ciLow: defined?.ciLow ?? null,
    ciHigh: defined?.ciHigh ?? null,
    ciLevel: COHEN_CI_LEVEL,
    z: defined?.z ?? null,
    p: defined?.p ?? null,
    observedAgreement: defined?.observedAgreement ?? null,
  };
}
