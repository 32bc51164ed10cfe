import { EngineError } from '@ferbench/shared';

export enum ExportErrorCode {
  UnknownDataset = 'UNKNOWN_DATASET',
  UnknownModel = 'UNKNOWN_MODEL',
  BadFormat = 'BAD_FORMAT',
  OutputNotEmpty = 'OUTPUT_NOT_EMPTY',
  ManifestMismatch = 'MANIFEST_MISMATCH',
}

/** What went wrong with an export, naming the option or file and what was expected. */
export class ExportError extends EngineError<ExportErrorCode> {}
