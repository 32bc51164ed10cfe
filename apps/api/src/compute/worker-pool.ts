import { Worker } from 'node:worker_threads';
import { ComputeError, ComputeErrorCode } from './compute.error.js';

export interface WorkerPoolLimits {
  /** Worker threads, each running one task at a time. */
  threads: number;
  /** Tasks that may wait for a thread; one more is refused (STATS_QUEUE_FULL) rather than queued without end. */
  maxQueue: number;
  /** A task not answered this long after it was submitted (waiting included) is stopped (STATS_TIMED_OUT). */
  timeoutMs: number;
}

interface Job<T, R> {
  id: number;
  task: T;
  resolve(result: R): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  slot?: Slot;
}

interface Slot {
  worker: Worker | undefined;
  job: Job<unknown, unknown> | undefined;
}

let nextId = 0;

/**
 * Bounded concurrency for CPU-heavy work off the event loop: `threads` workers started on first use, a queue of at
 * most `maxQueue`, and a timeout after which a running task's worker is terminated (and replaced on the next task).
 */
export class WorkerPool<T, R> {
  private readonly slots: Slot[];
  private readonly queue: Job<T, R>[] = [];
  private closed = false;

  constructor(
    private readonly file: string,
    readonly limits: WorkerPoolLimits,
  ) {
    this.slots = Array.from({ length: Math.max(1, limits.threads) }, () => ({ worker: undefined, job: undefined }));
  }

  get running(): number {
    return this.slots.filter((s) => s.job !== undefined).length;
  }

  get queued(): number {
    return this.queue.length;
  }

  run(task: T): Promise<R> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    const idle = this.slots.find((s) => s.job === undefined);
    if (idle === undefined && this.queue.length >= this.limits.maxQueue)
      return Promise.reject(new ComputeError(ComputeErrorCode.QueueFull, { running: this.running, queued: this.queue.length }));
    return new Promise<R>((resolve, reject) => {
      const job: Job<T, R> = { id: nextId++, task, resolve, reject, timer: setTimeout(() => this.timeOut(job), this.limits.timeoutMs) };
      if (idle !== undefined) this.start(idle, job);
      else this.queue.push(job);
    });
  }

  private worker(slot: Slot): Worker {
    if (slot.worker !== undefined) return slot.worker;
    const worker = new Worker(this.file);
    worker.unref(); // an idle pool never keeps the process alive
    worker.on('message', (message: { id: number; result?: R; error?: string }) => {
      const job = slot.job as Job<T, R> | undefined;
      // Only the answer to the job this slot runs now (never a stale one from a thread being ended).
      if (job === undefined || job.id !== message.id) return;
      this.finish(slot);
      if (message.error !== undefined) job.reject(new Error(message.error));
      else job.resolve(message.result as R);
    });
    worker.on('error', (error) => {
      const job = slot.job;
      slot.worker = undefined;
      this.finish(slot);
      job?.reject(error);
    });
    worker.on('exit', () => {
      if (slot.worker === worker) slot.worker = undefined;
    });
    slot.worker = worker;
    return worker;
  }

  private start(slot: Slot, job: Job<T, R>): void {
    slot.job = job as Job<unknown, unknown>;
    job.slot = slot;
    const worker = this.worker(slot);
    worker.ref(); // a running task keeps the process alive until it answers
    worker.postMessage({ id: job.id, task: job.task });
  }

  /** Frees the slot and starts the next waiting job on it. */
  private finish(slot: Slot): void {
    const job = slot.job;
    if (job !== undefined) clearTimeout(job.timer);
    slot.job = undefined;
    slot.worker?.unref();
    const next = this.queue.shift();
    if (next !== undefined && !this.closed) this.start(slot, next);
  }

  private timeOut(job: Job<T, R>): void {
    const error = new ComputeError(ComputeErrorCode.TimedOut, { seconds: this.limits.timeoutMs / 1000 });
    const waiting = this.queue.indexOf(job);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      return job.reject(error);
    }
    const slot = job.slot;
    if (slot === undefined || slot.job !== (job as Job<unknown, unknown>)) return;
    // The only way to stop a synchronous computation: end its thread. The slot starts a new one for the next task.
    const worker = slot.worker;
    slot.worker = undefined;
    void worker?.terminate();
    this.finish(slot);
    job.reject(error);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.timer);
      job.reject(new Error('the server is stopping'));
    }
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.job !== undefined) clearTimeout(slot.job.timer);
        slot.job?.reject(new Error('the server is stopping'));
        slot.job = undefined;
        await slot.worker?.terminate();
        slot.worker = undefined;
      }),
    );
  }
}
