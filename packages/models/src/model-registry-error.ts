import { EngineError } from '@ferbench/shared';

export enum ModelRegistryErrorCode {
  ModelFileMissing = 'model-file-missing',
  ModelConflict = 'model-conflict',
  ModelNotFound = 'model-not-found',
  Sha256Mismatch = 'sha256-mismatch',
}

/** A model could not be registered. */
export class ModelRegistryError extends EngineError<ModelRegistryErrorCode> {}
