import { DomainError } from '../../errors/domain-error.js';

export enum ImageErrorCode {
  NotFound = 'IMAGE_NOT_FOUND',
  FileMissing = 'IMAGE_FILE_MISSING',
}

export interface ImageErrorDetails {
  [ImageErrorCode.NotFound]: { id: string };
  [ImageErrorCode.FileMissing]: { id: string };
}

export class ImageError<C extends ImageErrorCode = ImageErrorCode> extends DomainError<C> {}
