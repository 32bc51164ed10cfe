import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { type PairedKappaBootstrap, type PairedPatternTable, pairedKappaBootstrap } from '@ferbench/scores';
import { type BootstrapOptions, type PatternTable, type TableAgreement, tableAgreement } from '@ferbench/shared';
import { agreementTask } from './agreement-task.js';
import type { ComputeResult, ComputeTask } from './compute-task.js';
import { pairedKappaTask } from './paired-kappa-task.js';
import { LruCache } from './lru-cache.js';
import { WorkerPool, type WorkerPoolLimits } from './worker-pool.js';

/** What the services need: tableAgreement and the paired κ bootstrap of a perturbation, awaited. */
export type AgreementCompute = Pick<AgreementComputer, 'agreement' | 'pairedKappa'>;

/** The same numbers on the caller's thread: for unit tests of the services, where nothing else waits. */
export const inlineAgreements: AgreementCompute = {
  agreement: async (table, raters, bootstrap) => tableAgreement(table, raters, bootstrap && bootstrap.resamples > 0 ? { bootstrap } : {}),
  pairedKappa: async (table, raters, bootstrap) => pairedKappaBootstrap(table, raters, bootstrap),
};

/** Defaults: a thread per core but one (the event loop's), a short queue, two minutes. */
export function defaultComputeLimits(): WorkerPoolLimits {
  return { threads: Math.max(1, Math.min(4, availableParallelism() - 1)), maxQueue: 8, timeoutMs: 120_000 };
}

/** Bootstrap results kept: each is a few kB (five CIs, per-category κ). */
const CACHE_ENTRIES = 256;

/**
 * tableAgreement with its bootstrap off the event loop. Without a bootstrap it is a pass over the patterns and runs
 * inline; with one, it runs on a worker thread of a bounded pool. Results are deterministic in their inputs, so
 * they are cached by a hash of exactly those: the count patterns (which change whenever a prediction that counts
 * changes: a new run, another model set, a new data hash), the raters, resamples, seed and level. Equal requests in
 * flight share one computation.
 */
export class AgreementComputer {
  private readonly pool: WorkerPool<ComputeTask, ComputeResult>;
  private readonly cache = new LruCache<string, ComputeResult>(CACHE_ENTRIES);
  private readonly inFlight = new Map<string, Promise<ComputeResult>>();
  /** Bootstraps actually computed (not answered from the cache or a computation in flight). */
  computed = 0;

  constructor(limits: WorkerPoolLimits = defaultComputeLimits()) {
    this.pool = new WorkerPool(path.join(__dirname, 'agreement.worker.js'), limits);
  }

  /** Bootstraps on a thread now. */
  get running(): number {
    return this.pool.running;
  }

  async agreement(table: PatternTable, raters: number, bootstrap: BootstrapOptions | undefined): Promise<TableAgreement> {
    if (bootstrap === undefined || bootstrap.resamples === 0) return tableAgreement(table, raters);
    return this.compute(agreementTask(table, raters, { level: 0.95, ...bootstrap })) as Promise<TableAgreement>;
  }

  /** κ clean, perturbed and Δκ of one perturbation with their paired bootstrap CIs (pairedKappaBootstrap), on a thread. */
  async pairedKappa(table: PairedPatternTable, raters: number, bootstrap: BootstrapOptions): Promise<PairedKappaBootstrap> {
    return this.compute(pairedKappaTask(table, raters, { level: 0.95, ...bootstrap })) as Promise<PairedKappaBootstrap>;
  }

  /** The task's result from the cache, a computation of the same task in flight, or a thread. */
  private compute(task: ComputeTask): Promise<ComputeResult> {
    const key = createHash('sha256').update(JSON.stringify(task)).digest('hex');
    const cached = this.cache.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    const running = this.inFlight.get(key);
    if (running !== undefined) return running;
    const computation = this.pool.run(task).then(
      (result) => {
        this.computed++;
        this.cache.set(key, result);
        return result;
      },
    );
    this.inFlight.set(key, computation);
    void computation.catch(() => {}).finally(() => this.inFlight.delete(key));
    return computation;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
