import { type DatasetRobustness, PAIRED_KAPPA_BOOTSTRAP, type PairedKappaBootstrap, type PerturbationRobustness, pairedKappaBootstrap } from '@ferbench/scores';
import type { BootstrapOptions } from '@ferbench/shared';

/** A perturbation's numbers with κ clean, κ perturbed and Δκ bootstrapped (pairedKappaBootstrap over its faces). */
export type PerturbationWithCis = PerturbationRobustness & { kappaBootstrap: PairedKappaBootstrap };

export type RobustnessWithCis = Omit<DatasetRobustness, 'perturbations'> & { perturbations: PerturbationWithCis[] };

/** Each perturbation's paired κ bootstrap (default 1,000 resamples, seed 1), on the faces its numbers are over. */
export function withKappaCis(r: DatasetRobustness, bootstrap: BootstrapOptions = PAIRED_KAPPA_BOOTSTRAP): RobustnessWithCis {
  return { ...r, perturbations: r.perturbations.map((p) => ({ ...p, kappaBootstrap: pairedKappaBootstrap(p.paired, r.models.length, bootstrap) })) };
}
