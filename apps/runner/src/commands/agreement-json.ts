import type { AgreementReport, BootstrapCi, BootstrappedStatistic } from '@ferbench/shared';

/**
 * The `ferbench agreement --json` output: a stable, snake_case interface for scripts. Undefined values are null
 * with a `reason`; every other field is always present.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `reason` only where the statistic is undefined, so a defined result has exactly the documented keys. */
function why(stat: { readonly value: number | null }): { reason?: string } {
  return stat.value === null && 'reason' in stat ? { reason: String(stat.reason) } : {};
}

const CI_KEYS: Record<BootstrappedStatistic, string> = {
  fleissKappa: 'fleiss_kappa',
  randolphKappa: 'randolph_kappa',
  krippendorffAlpha: 'krippendorff_alpha',
  gwetAc1: 'gwet_ac1',
  percentAgreement: 'percent_agreement',
};

function ciJson(ci: BootstrapCi): Json {
  return {
    low: ci.low,
    high: ci.high,
    level: ci.level,
    resamples: ci.resamples,
    seed: ci.seed,
    undefined_resamples: ci.undefinedResamples,
    ...(ci.low === null && { reason: ci.reason }),
  };
}

export function agreementJson(report: AgreementReport): Json {
  const f = report.fleissKappa;
  const { declared: randolph, observed: randolphObserved } = report.randolphKappa;
  const { declared: ac1, observed: ac1Observed } = report.gwetAc1;
  const pa = report.percentAgreement;
  return {
    fleiss_kappa: f.value === null ? { value: null, se: null, z: null, p: null, ...why(f) } : { value: f.value, se: f.se, z: f.z, p: f.p },
    fleiss_per_category: Object.fromEntries(
      report.fleissPerCategory.map((c) => [c.category, c.value === null ? { value: null, z: null, p: null, ...why(c) } : { value: c.value, z: c.z, p: c.p }]),
    ),
    randolph_kappa: {
      value: randolph.value,
      q: randolph.value === null ? null : randolph.q,
      value_q_observed: randolphObserved.value,
      q_observed: randolphObserved.value === null ? null : randolphObserved.q,
      ...why(randolph),
    },
    cohen_kappa: Object.fromEntries(
      Object.entries(report.cohenKappa).map(([a, row]) => [
        a,
        Object.fromEntries(
          Object.entries(row).map(([b, k]) => [
            b,
            k.value === null ? { value: null, se: null, ci_low: null, ci_high: null, ...why(k) } : { value: k.value, se: k.se, ci_low: k.ciLow, ci_high: k.ciHigh },
          ]),
        ),
      ]),
    ),
    krippendorff_alpha: { value: report.krippendorffAlpha.value, ...why(report.krippendorffAlpha) },
    gwet_ac1: {
      value: ac1.value,
      se: ac1.value === null ? null : ac1.se,
      q: ac1.value === null ? null : ac1.q,
      value_q_observed: ac1Observed.value,
      ...why(ac1),
    },
    percent_agreement: {
      value: pa.value,
      percent: pa.value === null ? null : pa.percent,
      items: pa.value === null ? 0 : pa.items,
      ...why(pa),
    },
    items: report.items.map((item) => ({
      majority: item.majority,
      tied: item.tied,
      tied_labels: [...item.tiedLabels],
      entropy_bits: item.entropyBits,
      p_i: item.pI,
    })),
    ...(report.bootstrap && {
      ci: Object.fromEntries(Object.entries(report.bootstrap).map(([name, ci]) => [CI_KEYS[name as BootstrappedStatistic], ciJson(ci)])),
    }),
  };
}
