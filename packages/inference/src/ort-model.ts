import { readFile } from 'node:fs/promises';
import type { ModelCard } from '@ferbench/shared';
import * as ort from 'onnxruntime-node';
import type { ExecutionProviderChoice } from './execution-providers.js';
import { dynamicBatchGraph } from './onnx/dynamic-batch.js';
import { batchDims, tensorSize } from './tensor-layout.js';

export const ORT_VERSION: string = ort.env.versions.node ?? ort.env.versions.common;

/**
 * onnxruntime's intra-op threads spin while they wait for work; here they share the cores with the runner's
 * preprocessing worker and Postgres, and spinning takes the cycles those need (measured on 2 cores under load:
 * up to half the run's throughput). Without spinning, inference alone loses ~10%.
 */
export const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = { extra: { session: { intra_op: { allow_spinning: '0' } } } };

export interface OrtModelOptions {
  /** onnxruntime's intra-op threads for this session (default: onnxruntime's, one per core). */
  intraOpThreads?: number | undefined;
  /**
   * Rewrite a graph whose batch is fixed at 1 to take any batch (default true), where every op allows it; the
   * file (and its sha256) is untouched, only the session's copy changes. False: run the graph as it is.
   */
  dynamicBatch?: boolean;
}

/** What the runner needs of an opened model, wherever its session lives (this thread, a worker, several workers). */
export interface InferenceModel {
  readonly card: ModelCard;
  readonly executionProvider: string;
  readonly batchPlan: BatchPlan;
  readonly classCount: number;
  predict(batch: Float32Array, count: number): Promise<Float32Array>;
  release(): Promise<void>;
}

function sessionOptions(providers: ExecutionProviderChoice, options: OrtModelOptions): ort.InferenceSession.SessionOptions {
  return { executionProviders: providers.providers, ...SESSION_OPTIONS, ...(options.intraOpThreads === undefined ? {} : { intraOpNumThreads: options.intraOpThreads }) };
}

/** How an opened model is fed: the batch its session takes, and why. */
export interface BatchPlan {
  batch: number | 'dynamic';
  /** What was rewritten to make a fixed batch dynamic, or why it was left fixed; empty for a dynamic graph. */
  note: string;
}

/**
 * One model, loaded once: owns an onnxruntime session for its whole life and runs batches exactly as its card
 * says. Call release() when done; the session holds native memory and threads.
 */
export class OrtModel implements InferenceModel {
  private constructor(
    readonly card: ModelCard,
    readonly executionProvider: string,
    private readonly session: ort.InferenceSession,
    readonly batchPlan: BatchPlan,
  ) {}

  static async open(card: ModelCard, file: string, providers: ExecutionProviderChoice, options: OrtModelOptions = {}): Promise<OrtModel> {
    const chosen = sessionOptions(providers, options);
    if (card.input.batch === 1 && options.dynamicBatch !== false) {
      const rewrite = dynamicBatchGraph(await readFile(file));
      if ('bytes' in rewrite) {
        const session = await ort.InferenceSession.create(rewrite.bytes, chosen);
        const model = new OrtModel(card, providers.chosen, session, { batch: 'dynamic', note: `batch 1 rewritten to dynamic (${rewrite.changes.join('; ')})` });
        const problem = await model.batchItemsIndependent();
        if (problem === null) return model;
        await session.release();
        return OrtModel.fixed(card, file, providers, chosen, `left at batch 1: the rewritten graph ${problem}`);
      }
      return OrtModel.fixed(card, file, providers, chosen, `left at batch 1: ${rewrite.refused}`);
    }
    const session = await ort.InferenceSession.create(file, chosen);
    return new OrtModel(card, providers.chosen, session, { batch: card.input.batch, note: card.input.batch === 'dynamic' ? '' : `fixed batch ${card.input.batch}` });
  }

  private static async fixed(card: ModelCard, file: string, providers: ExecutionProviderChoice, chosen: ort.InferenceSession.SessionOptions, note: string): Promise<OrtModel> {
    const session = await ort.InferenceSession.create(file, chosen);
    return new OrtModel(card, providers.chosen, session, { batch: card.input.batch, note });
  }

  get classCount(): number {
    return this.card.output.labels.length;
  }

  /**
   * A rewritten graph's self-check: two different inputs run together give what each gives alone (to 1e-5), or
   * what went wrong. Cheap (three small runs) and catches an op that mixes batch items.
   */
  private async batchItemsIndependent(): Promise<string | null> {
    const size = tensorSize(this.card.input);
    let s = 7;
    const batch = Float32Array.from({ length: 2 * size }, () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1);
    try {
      const together = await this.predict(batch, 2);
      for (let i = 0; i < 2; i++) {
        const alone = await this.predict(batch.subarray(i * size, (i + 1) * size), 1);
        const k = alone.findIndex((v, c) => !(Math.abs(v - (together[i * this.classCount + c] as number)) <= 1e-5));
        if (k !== -1) return `gives image ${i} class ${k} ${together[i * this.classCount + k]} in a batch of 2 but ${alone[k]} alone`;
      }
      return null;
    } catch (error) {
      return `fails at batch 2: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /**
   * Runs `count` images laid out back to back in `batch` (card layout) and returns their outputs back to back,
   * `classCount` values per image. A graph with a fixed batch size is fed slices of that size, the last one
   * zero-padded.
   */
  async predict(batch: Float32Array, count: number): Promise<Float32Array> {
    const size = tensorSize(this.card.input);
    if (batch.length < count * size) throw new RangeError(`batch holds ${batch.length} values, ${count} images need ${count * size}`);
    const fixed = this.batchPlan.batch === 'dynamic' ? count : this.batchPlan.batch;
    const out = new Float32Array(count * this.classCount);
    for (let start = 0; start < count; start += fixed) {
      const n = Math.min(fixed, count - start);
      let data = batch.subarray(start * size, (start + fixed) * size);
      if (data.length < fixed * size) {
        data = new Float32Array(fixed * size);
        data.set(batch.subarray(start * size, (start + n) * size));
      }
      const feeds = { [this.card.input.name]: new ort.Tensor('float32', data, batchDims(this.card.input, fixed)) };
      const result = await this.session.run(feeds, [this.card.output.name]);
      const output = result[this.card.output.name];
      if (output === undefined) throw new Error(`model ${this.card.id} returned no "${this.card.output.name}"`);
      out.set((output.data as Float32Array).subarray(0, n * this.classCount), start * this.classCount);
      output.dispose();
    }
    return out;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
