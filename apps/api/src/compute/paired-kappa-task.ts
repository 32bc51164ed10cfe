import { type PairedKappaBootstrap, type PairedPatternTable, pairedKappaBootstrap } from '@ferbench/scores';
import type { BootstrapOptions } from '@ferbench/shared';

/** One pairedKappaBootstrap call as plain data, so it can cross to a worker thread and be hashed for the cache. */
export interface PairedKappaTask {
  paired: { categories: string[]; patterns: { clean: number[]; perturbed: number[]; weight: number }[] };
  raters: number;
  bootstrap: Required<BootstrapOptions>;
}

export function pairedKappaTask(table: PairedPatternTable, raters: number, bootstrap: Required<BootstrapOptions>): PairedKappaTask {
  return {
    paired: { categories: [...table.categories], patterns: table.patterns.map((p) => ({ clean: [...p.clean], perturbed: [...p.perturbed], weight: p.weight })) },
    raters,
    bootstrap: { resamples: bootstrap.resamples, seed: bootstrap.seed, level: bootstrap.level },
  };
}

export function runPairedKappaTask(task: PairedKappaTask): PairedKappaBootstrap {
  return pairedKappaBootstrap(task.paired, task.raters, task.bootstrap);
}
