import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ModelCard } from '@ferbench/shared';
import type { ExecutionProviderChoice } from '../execution-providers.js';
import type { BatchPlan, InferenceModel, OrtModelOptions } from '../ort-model.js';
import type { FromSessionWorker, SessionWorkerData, ToSessionWorker } from './messages.js';

/**
 * An OrtModel whose session lives on a worker thread. onnxruntime-node runs a session synchronously on the thread
 * that calls it, so two models on one thread take turns; on workers they run at the same time, each on its own
 * intra-op threads. Inputs are copied to the worker, outputs transferred back.
 */
export class WorkerOrtModel implements InferenceModel {
  private readonly pending = new Map<number, { resolve(out: Float32Array): void; reject(error: Error): void }>();
  private seq = 0;
  private failure: Error | undefined;

  private constructor(
    readonly card: ModelCard,
    private readonly worker: Worker,
    readonly batchPlan: BatchPlan,
    readonly executionProvider: string,
  ) {
    worker.on('message', (message: FromSessionWorker) => {
      if (message.kind !== 'predicted' && message.kind !== 'predict-failed') return;
      const job = this.pending.get(message.seq);
      this.pending.delete(message.seq);
      if (message.kind === 'predicted') job?.resolve(message.out);
      else job?.reject(new Error(message.message));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`model ${card.id}: its session worker stopped (exit code ${code})`)));
  }

  static open(card: ModelCard, file: string, providers: ExecutionProviderChoice, options: OrtModelOptions = {}): Promise<WorkerOrtModel> {
    const workerData: SessionWorkerData = { card, file, providers, options };
    const worker = new Worker(path.join(__dirname, 'session.worker.js'), { workerData });
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (message: FromSessionWorker) => {
        worker.off('error', onError);
        if (message.kind === 'opened') resolve(new WorkerOrtModel(card, worker, message.batchPlan, message.executionProvider));
        else reject(new Error(message.kind === 'open-failed' ? message.message : `model ${card.id}: unexpected ${message.kind} from its session worker`));
      });
    });
  }

  get classCount(): number {
    return this.card.output.labels.length;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  predict(batch: Float32Array, count: number): Promise<Float32Array> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      const job: ToSessionWorker = { kind: 'predict', seq, batch, count };
      this.worker.postMessage(job);
    });
  }

  async release(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.failure = new Error(`model ${this.card.id}: released`);
    const job: ToSessionWorker = { kind: 'release' };
    this.worker.postMessage(job);
    await exited;
  }
}
