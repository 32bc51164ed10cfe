import type { Mapping } from '../../errors/error-mapper.js';
import { DownloadErrorCode } from './download.error.js';

export const DOWNLOAD_ERROR_MAPPINGS: { [C in DownloadErrorCode]: Mapping<C> } = {
  [DownloadErrorCode.UnknownFile]: {
    code: 'NOT_FOUND',
    status: 404,
    message: ({ dataset, file, files }) => `Dataset "${dataset}" has no download "${file}"; expected one of ${files.join(', ')}.`,
  },
  [DownloadErrorCode.NotConfigured]: {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    message: () => 'This server offers no downloads (it was started without a folder for exports).',
  },
};
