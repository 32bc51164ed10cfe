import type { ModelCard } from '@ferbench/shared';
import type { ExecutionProviderChoice } from '../execution-providers.js';
import type { BatchPlan, InferenceModel } from '../ort-model.js';
import { tensorSize } from '../tensor-layout.js';
import { WorkerOrtModel } from './worker-ort-model.js';

/**
 * A graph whose batch stays fixed (its batch dimension could not be rewritten) run as several sessions at once,
 * each on its own worker thread with an equal share of the cores: a batch is cut into one contiguous share per
 * session, in multiples of the graph's batch, and the outputs are put back in order. Each image meets the same
 * graph as it would alone, so the outputs are the single session's.
 */
export class ParallelSessions implements InferenceModel {
  private constructor(
    readonly card: ModelCard,
    private readonly sessions: WorkerOrtModel[],
    readonly batchPlan: BatchPlan,
  ) {}

  static async open(card: ModelCard, file: string, providers: ExecutionProviderChoice, sessions: number, cores: number, why: string): Promise<ParallelSessions> {
    const intraOpThreads = Math.max(1, Math.floor(cores / sessions));
    const opened = await Promise.allSettled(Array.from({ length: sessions }, () => WorkerOrtModel.open(card, file, providers, { dynamicBatch: false, intraOpThreads })));
    const models = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const failed = opened.find((o) => o.status === 'rejected');
    if (failed !== undefined) {
      await Promise.all(models.map((m) => m.release()));
      throw failed.reason;
    }
    const first = models[0] as WorkerOrtModel;
    return new ParallelSessions(card, models, { batch: first.batchPlan.batch, note: `${why}; run as ${sessions} sessions at once, ${intraOpThreads} thread(s) each` });
  }

  get executionProvider(): string {
    return (this.sessions[0] as WorkerOrtModel).executionProvider;
  }

  get classCount(): number {
    return this.card.output.labels.length;
  }

  async predict(batch: Float32Array, count: number): Promise<Float32Array> {
    const fixed = this.batchPlan.batch === 'dynamic' ? 1 : this.batchPlan.batch;
    const size = tensorSize(this.card.input);
    const slices = Math.ceil(count / fixed);
    const perSession = Math.ceil(slices / this.sessions.length) * fixed;
    const out = new Float32Array(count * this.classCount);
    await Promise.all(
      this.sessions.map(async (session, k) => {
        const start = k * perSession;
        const n = Math.min(perSession, count - start);
        if (n <= 0) return;
        // a copy: the worker gets its own share of the batch
        const part = await session.predict(batch.slice(start * size, (start + n) * size), n);
        out.set(part, start * this.classCount);
      }),
    );
    return out;
  }

  async release(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.release()));
  }
}
