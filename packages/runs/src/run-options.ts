import { availableParallelism } from 'node:os';
import type { Device } from '@ferbench/inference';

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
