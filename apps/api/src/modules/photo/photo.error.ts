import { DomainError } from '../../errors/domain-error.js';

export enum PhotoErrorCode {
  Disabled = 'PHOTOS_DISABLED',
  DetectorMissing = 'DETECTOR_MISSING',
  TooLarge = 'PHOTO_TOO_LARGE',
  Empty = 'PHOTO_EMPTY',
  Unreadable = 'PHOTO_UNREADABLE',
  NotJpegOrPng = 'PHOTO_NOT_JPEG_OR_PNG',
  TooManyPixels = 'PHOTO_TOO_MANY_PIXELS',
  NoModels = 'NO_MODELS',
}

export interface PhotoErrorDetails {
  [PhotoErrorCode.Disabled]: Record<string, never>;
  [PhotoErrorCode.DetectorMissing]: { file: string };
  [PhotoErrorCode.TooLarge]: { limitBytes: number };
  [PhotoErrorCode.Empty]: Record<string, never>;
  [PhotoErrorCode.Unreadable]: { reason: string };
  [PhotoErrorCode.NotJpegOrPng]: { reason: string };
  [PhotoErrorCode.TooManyPixels]: { reason: string };
  [PhotoErrorCode.NoModels]: { unavailable: readonly string[] };
}

export class PhotoError<C extends PhotoErrorCode = PhotoErrorCode> extends DomainError<C> {}
