import { type BootstrapOptions, type PatternTable, type TableAgreement, tableAgreement } from '@ferbench/shared';

/** One tableAgreement call as plain data, so it can cross to a worker thread and be hashed for the cache. */
export interface AgreementTask {
  table: { categories: string[]; patterns: { counts: number[]; weight: number }[] };
  raters: number;
  bootstrap: Required<BootstrapOptions>;
}

export function agreementTask(table: PatternTable, raters: number, bootstrap: Required<BootstrapOptions>): AgreementTask {
  return {
    table: { categories: [...table.categories], patterns: table.patterns.map((p) => ({ counts: Array.from(p.counts), weight: p.weight })) },
    raters,
    bootstrap: { resamples: bootstrap.resamples, seed: bootstrap.seed, level: bootstrap.level },
  };
}

export function runAgreementTask(task: AgreementTask): TableAgreement {
  return tableAgreement(task.table, task.raters, { bootstrap: task.bootstrap });
}
