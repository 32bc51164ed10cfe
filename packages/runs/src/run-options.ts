import { availableParallelism } from 'node:os';
import type { Device, ExecutionProviderChoice } from '@ferbench/inference';

/** Image ids first..last (inclusive) of one dataset: the share of a run that one queue job predicts. */
export interface ImageIdRange {
  first: string;
  last: string;
}

export interface RunOptions {
  /** Folder that model cards' `file` paths are relative to. */
  modelsDir: string;
  /** Folder of the face detector (FERBENCH_DETECTORS), for cards that crop or align; default: ../detectors from modelsDir. */
  detectorsDir?: string | undefined;
  device: Device;
  /** Images per inference call (models with a fixed batch are fed in their own size within it). */
  batchSize?: number | undefined;
  /** Predictions per committed chunk: what a killed run can lose at most. */
  chunkSize?: number | undefined;
  /**
   * Run the models of a group at the same time, each on its own thread with an equal share of the cores (default:
   * only where every model gets at least 2 cores beside the preprocessing workers); false: one after another,
   * each on every core.
   */
  concurrentModels?: boolean | undefined;
  /** Sessions run at once for a graph whose batch stays fixed (default: one per core the model may use). */
  parallelSessions?: number | undefined;
  /** Preprocessing worker threads. */
  workers?: number | undefined;
  /** Show a progress bar (default: when stderr is a TTY). */
  progress?: boolean | undefined;
  log?: ((line: string) => void) | undefined;
  /**
   * Only the dataset's images in this id range. Runs of different ranges of one (model, dataset) may go on at
   * the same time (queue workers sharing a dataset); a whole-dataset run waits for none of them and they for it.
   */
  imageIds?: ImageIdRange | undefined;
  /**
   * This machine's copy of the dataset: a folder holding each image at its key (the path below the dataset root
   * it was imported from). Undefined: the paths stored at import (a disk shared with the importing machine).
   */
  imageRoot?: string | undefined;
  /**
   * Where model files fetched from the database are kept (FERBENCH_DATA_DIR/models on a worker): a model whose card
   * file is not on this machine is fetched by sha256. Undefined: the card file must be here.
   */
  modelCacheDir?: string | undefined;
}

export const DEFAULT_BATCH_SIZE = 64;
export const DEFAULT_CHUNK_SIZE = 1024;

/**
 * Half the cores, at least one: onnxruntime spreads each batch over every core, and one worker keeps pace with
 * it on small faces while costing it the least.
 */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2)));
}

/**
 * The intra-op threads of each model of a group of `members` run at the same time, or undefined to run them one
 * after another (a single model, a GPU, or too few cores for each to get two).
 */
export function concurrentModelThreads(options: Pick<RunOptions, 'concurrentModels' | 'workers'>, members: number, providers: ExecutionProviderChoice): number | undefined {
  if (members < 2 || providers.chosen !== 'cpu' || options.concurrentModels === false) return undefined;
  const cores = Math.max(1, availableParallelism() - (options.workers ?? defaultWorkers()));
  const share = Math.max(1, Math.floor(cores / members));
  if (options.concurrentModels === true) return share;
  return share >= 2 ? share : undefined;
}
