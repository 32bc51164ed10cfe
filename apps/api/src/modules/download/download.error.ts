import { DomainError } from '../../errors/domain-error.js';

export enum DownloadErrorCode {
  UnknownFile = 'DOWNLOAD_UNKNOWN_FILE',
  NotConfigured = 'DOWNLOADS_NOT_CONFIGURED',
}

export interface DownloadErrorDetails {
  [DownloadErrorCode.UnknownFile]: { dataset: string; file: string; files: readonly string[] };
  [DownloadErrorCode.NotConfigured]: Record<string, never>;
}

export class DownloadError<C extends DownloadErrorCode = DownloadErrorCode> extends DomainError<C> {}
