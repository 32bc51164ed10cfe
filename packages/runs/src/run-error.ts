import { EngineError } from '@ferbench/shared';

export enum RunErrorCode {
  ModelNotFound = 'model-not-found',
  DatasetNotFound = 'dataset-not-found',
  ModelFileMissing = 'model-file-missing',
  Sha256Mismatch = 'sha256-mismatch',
  RunInProgress = 'run-in-progress',
  DatasetCopyMismatch = 'dataset-copy-mismatch',
}

/** A run could not start. */
export class RunError extends EngineError<RunErrorCode> {}
