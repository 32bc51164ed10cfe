import type { ModelCard } from '@ferbench/shared';
import type { ExecutionProviderChoice } from '../execution-providers.js';
import type { BatchPlan, OrtModelOptions } from '../ort-model.js';

/** What a session worker is started with: the model to open, as OrtModel.open takes it. */
export interface SessionWorkerData {
  card: ModelCard;
  file: string;
  providers: ExecutionProviderChoice;
  options: OrtModelOptions;
}

export type FromSessionWorker =
  | { kind: 'opened'; batchPlan: BatchPlan; executionProvider: string }
  | { kind: 'open-failed'; message: string }
  | { kind: 'predicted'; seq: number; out: Float32Array }
  | { kind: 'predict-failed'; seq: number; message: string };

export type ToSessionWorker = { kind: 'predict'; seq: number; batch: Float32Array; count: number } | { kind: 'release' };
