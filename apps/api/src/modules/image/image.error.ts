import type { PrivateImageAccess } from '@ferbench/shared';
import { DomainError } from '../../errors/domain-error.js';

export enum ImageErrorCode {
  NotFound = 'IMAGE_NOT_FOUND',
  FileMissing = 'IMAGE_FILE_MISSING',
  Private = 'IMAGE_PRIVATE',
}

export interface ImageErrorDetails {
  [ImageErrorCode.NotFound]: { id: string };
  [ImageErrorCode.FileMissing]: { id: string };
  [ImageErrorCode.Private]: { id: string; datasetId: string; access: PrivateImageAccess };
}

export class ImageError<C extends ImageErrorCode = ImageErrorCode> extends DomainError<C> {}
