import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DetectedFace } from '@ferbench/inference';
import type { ModelInput } from '@ferbench/shared';
import type { PreprocessJob, PreprocessResult, PreprocessWorkerData } from './preprocess-job.js';

interface Pending {
  resolve(result: PreprocessResult): void;
  reject(error: Error): void;
}

/**
 * Worker threads that turn image files into input tensors. onnxruntime-node runs a model synchronously on the
 * main thread, so preprocessing there would take turns with inference; on workers the two overlap.
 */
export class PreprocessPool {
  private readonly workers: Worker[];
  private readonly load: number[];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private failure: Error | undefined;
  private readonly starting: { resolve(): void; reject(error: Error): void }[] = [];
  /** Resolves once every worker has loaded its decoders (so that timings can leave out thread start-up). */
  readonly ready: Promise<void>;

  constructor(input: ModelInput, size: number) {
    const workerData: PreprocessWorkerData = { input };
    this.workers = Array.from({ length: Math.max(1, size) }, (_, w) => {
      const worker = new Worker(path.join(__dirname, 'preprocess.worker.js'), { workerData });
      worker.on('message', (message: PreprocessResult | 'ready') => {
        if (message === 'ready') return void this.starting[w]?.resolve();
        const job = this.pending.get(message.seq);
        this.pending.delete(message.seq);
        this.load[w] = (this.load[w] ?? 0) - 1;
        job?.resolve(message);
      });
      worker.on('error', (error) => this.fail(error));
      return worker;
    });
    this.load = this.workers.map(() => 0);
    this.ready = Promise.all(this.workers.map((_, w) => new Promise<void>((resolve, reject) => (this.starting[w] = { resolve, reject })))).then(() => {});
    this.ready.catch(() => {}); // a start-up failure also fails every prepare(); nobody need be waiting here
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const job of [...this.pending.values(), ...this.starting]) job.reject(error);
    this.pending.clear();
  }

  /** Prepares one batch on the least busy worker. */
  prepare(files: string[], faces?: (DetectedFace | null)[]): Promise<PreprocessResult> {
    if (this.failure) return Promise.reject(this.failure);
    const w = this.load.indexOf(Math.min(...this.load));
    const job: PreprocessJob = { seq: this.seq++, files, faces };
    this.load[w] = (this.load[w] ?? 0) + 1;
    return new Promise((resolve, reject) => {
      this.pending.set(job.seq, { resolve, reject });
      (this.workers[w] as Worker).postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
