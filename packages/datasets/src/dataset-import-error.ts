import { EngineError } from '@ferbench/shared';

export enum DatasetImportErrorCode {
  DatasetNotFound = 'dataset-not-found',
  DatasetLayout = 'dataset-layout',
}

/** An importer refused a dataset folder or file. */
export class DatasetImportError extends EngineError<DatasetImportErrorCode> {}
