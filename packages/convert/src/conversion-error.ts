
/** Why a conversion stopped; the CLI prints the message, tests match on the code. */
export enum ConversionErrorCode {
  UnsupportedLayer = 'UNSUPPORTED_LAYER',
  UnsupportedOp = 'UNSUPPORTED_OP',
  UnsupportedConfig = 'UNSUPPORTED_CONFIG',
  MissingWeight = 'MISSING_WEIGHT',
  BadModelFile = 'BAD_MODEL_FILE',
}

export class ConversionError extends Error {
  constructor(
    readonly code: ConversionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ConversionError';
  }
}
