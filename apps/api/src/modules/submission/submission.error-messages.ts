import type { Mapping } from '../../errors/error-mapper.js';
import { SubmissionErrorCode } from './submission.error.js';

const listed = (problems: readonly string[]) => problems.map((p) => `\n  - ${p}`).join('');
const MIB = 1024 * 1024;
const size = (bytes: number) => (bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`);

export const SUBMISSION_ERROR_MAPPINGS: { [C in SubmissionErrorCode]: Mapping<C> } = {
  [SubmissionErrorCode.Disabled]: {
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    message: () => 'This server takes no model submissions (it was started without a data folder for them).',
  },
  [SubmissionErrorCode.UploadTooLarge]: {
    code: 'PAYLOAD_TOO_LARGE',
    status: 413,
    message: ({ limitBytes }) => `The model file is larger than this server's limit of ${size(limitBytes)} (FERBENCH_MAX_UPLOAD_BYTES); nothing was kept.`,
  },
  [SubmissionErrorCode.UploadEmpty]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: () => 'The upload is empty: send the ONNX file as the request body.',
  },
  [SubmissionErrorCode.UploadNotFound]: {
    code: 'NOT_FOUND',
    status: 404,
    message: ({ uploadId }) =>
      `There is no upload "${uploadId}" for this token: upload the file first (POST /model-uploads); an upload is kept for an hour and can be submitted once.`,
  },
  [SubmissionErrorCode.UploadNotOnnx]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ bytes, sha256, problems }) =>
      `The uploaded file (${bytes} bytes, sha256 ${sha256.slice(0, 12)}…) is not an ONNX model: expected the bytes of a .onnx file (a protobuf ModelProto with ir_version and graph); nothing was kept:${listed(problems)}`,
  },
  [SubmissionErrorCode.UploadQuotaReached]: {
    code: 'TOO_MANY_REQUESTS',
    status: 429,
    message: ({ waiting, max, ttlMinutes }) =>
      `This token has ${waiting} uploads waiting to be submitted; at most ${max} may wait at once. Submit them (submitModel) or wait until they expire (${ttlMinutes} minutes after upload).`,
  },
  [SubmissionErrorCode.CardInvalid]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ problems }) => `The model card is invalid; nothing was kept:${listed(problems)}`,
  },
  [SubmissionErrorCode.OnnxUnreadable]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ problems }) => `The uploaded file is not an ONNX model onnxruntime can load; nothing was kept:${listed(problems)}`,
  },
  [SubmissionErrorCode.CardContradictsFile]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ problems }) => `The model card does not describe the uploaded file; nothing was kept:${listed(problems)}`,
  },
  [SubmissionErrorCode.ModelIdTaken]: {
    code: 'CONFLICT',
    status: 409,
    message: ({ modelId }) => `A model with id "${modelId}" is registered already: give the card another id.`,
  },
  [SubmissionErrorCode.ModelNameTaken]: {
    code: 'CONFLICT',
    status: 409,
    message: ({ name, version }) => `A model named "${name}" version "${version}" is registered already: change the card's name or version.`,
  },
  [SubmissionErrorCode.ModelAlreadyRegistered]: {
    code: 'CONFLICT',
    status: 409,
    message: ({ modelId }) => `This file is in the benchmark already, as model "${modelId}".`,
  },
};
