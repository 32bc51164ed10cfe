import type { Mapping } from '../../errors/error-mapper.js';
import { PhotoErrorCode } from './photo.error.js';

const MIB = 1024 * 1024;

export const PHOTO_ERROR_MAPPINGS: { [C in PhotoErrorCode]: Mapping<C> } = {
  [PhotoErrorCode.Disabled]: {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    message: () => 'This server does not try photos (it was started without a models and detectors folder).',
  },
  [PhotoErrorCode.DetectorMissing]: {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    message: ({ file }) => `The face detector ${file} is not on this server (set FERBENCH_DETECTORS to the folder that holds it).`,
  },
  [PhotoErrorCode.TooLarge]: {
    code: 'PAYLOAD_TOO_LARGE',
    status: 413,
    message: ({ limitBytes }) => `The photo is larger than this server's limit of ${limitBytes / MIB} MiB; send a smaller JPEG or PNG.`,
  },
  [PhotoErrorCode.Empty]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: () => 'The request has no photo: send a JPEG or PNG as the request body.',
  },
  [PhotoErrorCode.Unreadable]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ reason }) => `The photo cannot be read: ${reason}. Send a JPEG or PNG.`,
  },
  [PhotoErrorCode.NotJpegOrPng]: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    status: 415,
    message: ({ reason }) => `The photo is not a JPEG or PNG: ${reason}. Only JPEG and PNG are read; nothing was decoded.`,
  },
  [PhotoErrorCode.TooManyPixels]: {
    code: 'PAYLOAD_TOO_LARGE',
    status: 413,
    message: ({ reason }) => `The photo is too large to decode: ${reason}. Send a smaller JPEG or PNG; nothing was decoded.`,
  },
  [PhotoErrorCode.NoModels]: {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    message: ({ unavailable }) =>
      unavailable.length === 0
        ? 'No model is registered on this server yet (`ferbench model add` or a submission registers one).'
        : `No registered model's file is on this server (missing: ${unavailable.join(', ')}; set FERBENCH_MODELS).`,
  },
};
