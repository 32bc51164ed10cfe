import type { ModelCard } from '@ferbench/shared';
import * as ort from 'onnxruntime-node';
import type { ExecutionProviderChoice } from './execution-providers.js';
import { batchDims, tensorSize } from './tensor-layout.js';

export const ORT_VERSION: string = ort.env.versions.node ?? ort.env.versions.common;

/**
 * onnxruntime's intra-op threads spin while they wait for work; here they share the cores with the runner's
 * preprocessing worker and Postgres, and spinning takes the cycles those need (measured on 2 cores under load:
 * up to half the run's throughput). Without spinning, inference alone loses ~10%.
 */
export const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = { extra: { session: { intra_op: { allow_spinning: '0' } } } };

/**
 * One model, loaded once: owns an onnxruntime session for its whole life and runs batches exactly as its card
 * says. Call release() when done; the session holds native memory and threads.
 */
export class OrtModel {
  private constructor(
    readonly card: ModelCard,
    readonly executionProvider: string,
    private readonly session: ort.InferenceSession,
  ) {}

  static async open(card: ModelCard, file: string, providers: ExecutionProviderChoice): Promise<OrtModel> {
    const session = await ort.InferenceSession.create(file, { executionProviders: providers.providers, ...SESSION_OPTIONS });
    return new OrtModel(card, providers.chosen, session);
  }

  get classCount(): number {
    return this.card.output.labels.length;
  }

  /**
   * Runs `count` images laid out back to back in `batch` (card layout) and returns their outputs back to back,
   * `classCount` values per image. A graph with a fixed batch size is fed slices of that size, the last one
   * zero-padded.
   */
  async predict(batch: Float32Array, count: number): Promise<Float32Array> {
    const size = tensorSize(this.card.input);
    if (batch.length < count * size) throw new RangeError(`batch holds ${batch.length} values, ${count} images need ${count * size}`);
    const fixed = this.card.input.batch === 'dynamic' ? count : this.card.input.batch;
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
