/** What went wrong, for callers (CLI, API) that react to the kind of failure rather than its wording. */
export enum RunnerErrorCode {
  DatasetNotFound = 'dataset-not-found',
  DatasetLayout = 'dataset-layout',
  CardUnreadable = 'card-unreadable',
  ModelFileMissing = 'model-file-missing',
  Sha256Mismatch = 'sha256-mismatch',
  OnnxMismatch = 'onnx-mismatch',
  OnnxUnreadable = 'onnx-unreadable',
  ModelNotFound = 'model-not-found',
  ModelConflict = 'model-conflict',
  UnsupportedCard = 'unsupported-card',
  DeviceUnavailable = 'device-unavailable',
  RunInProgress = 'run-in-progress',
  TokenNameTaken = 'token-name-taken',
  TokenNameInvalid = 'token-name-invalid',
  /** A photo (live path) that is not a JPEG or PNG it can decode. */
  ImageUnreadable = 'image-unreadable',
}

/** An error of the runner's own making, with a message meant for the person at the terminal. */
export class RunnerError extends Error {
  constructor(
    readonly code: RunnerErrorCode,
    message: string,
    /** The findings one by one, without file paths, for callers that show them to someone else (the API). */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'RunnerError';
  }
}
