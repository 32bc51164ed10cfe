import { EngineError } from '@ferbench/shared';

export enum InferenceErrorCode {
  CardUnreadable = 'card-unreadable',
  DeviceUnavailable = 'device-unavailable',
  Sha256Mismatch = 'sha256-mismatch',
  OnnxUnreadable = 'onnx-unreadable',
  OnnxMismatch = 'onnx-mismatch',
  ImageUnreadable = 'image-unreadable',
  ImageFormatRefused = 'image-format-refused',
  ImageTooManyPixels = 'image-too-many-pixels',
}

/** Inference could not start or a file was not what it should be. */
export class InferenceError extends EngineError<InferenceErrorCode> {}
