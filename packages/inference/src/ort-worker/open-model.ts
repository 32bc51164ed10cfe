import { availableParallelism } from 'node:os';
import type { ModelCard } from '@ferbench/shared';
import type { ExecutionProviderChoice } from '../execution-providers.js';
import { type InferenceModel, OrtModel, type OrtModelOptions } from '../ort-model.js';
import { ParallelSessions } from './parallel-sessions.js';
import { WorkerOrtModel } from './worker-ort-model.js';

export interface OpenModelOptions extends OrtModelOptions {
  /**
   * Host the session on a worker thread (so that several models can run at once), with this many intra-op
   * threads; undefined: on the calling thread, onnxruntime's default threads.
   */
  workerThreads?: number | undefined;
  /** Sessions to run at once for a graph whose batch stays fixed (default: one per core; 1: a single session). */
  parallelSessions?: number | undefined;
  /** Cores the model may use (default: availableParallelism(); workerThreads when that is given). */
  cores?: number | undefined;
}

/**
 * A model opened the fastest way its graph allows on the CPU: a fixed batch of 1 rewritten to a dynamic one where
 * every op allows it (OrtModel.open), else, when it stays fixed, as parallel sessions (one per core); on CUDA one
 * session, on the GPU. `workerThreads` puts a single session on its own thread.
 */
export async function openModel(card: ModelCard, file: string, providers: ExecutionProviderChoice, options: OpenModelOptions = {}): Promise<InferenceModel> {
  // the cores this model may use: all of them, or its share when it runs beside others
  const share = Math.max(1, options.workerThreads ?? options.cores ?? availableParallelism());
  const model = options.workerThreads === undefined ? await OrtModel.open(card, file, providers, options) : await WorkerOrtModel.open(card, file, providers, { ...options, intraOpThreads: share });
  const sessions = Math.min(options.parallelSessions ?? share, share);
  if (model.batchPlan.batch === 'dynamic' || sessions < 2 || providers.chosen !== 'cpu') return model;
  const why = model.batchPlan.note;
  await model.release();
  return ParallelSessions.open(card, file, providers, sessions, share, why);
}
