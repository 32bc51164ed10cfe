import { DomainError } from '../../errors/domain-error.js';

export enum SubmissionErrorCode {
  Disabled = 'SUBMISSIONS_DISABLED',
  UploadTooLarge = 'UPLOAD_TOO_LARGE',
  UploadEmpty = 'UPLOAD_EMPTY',
  UploadNotFound = 'UPLOAD_NOT_FOUND',
  UploadNotOnnx = 'UPLOAD_NOT_ONNX',
  UploadQuotaReached = 'UPLOAD_QUOTA_REACHED',
  CardInvalid = 'CARD_INVALID',
  OnnxUnreadable = 'ONNX_UNREADABLE',
  CardContradictsFile = 'CARD_CONTRADICTS_FILE',
  ModelIdTaken = 'MODEL_ID_TAKEN',
  ModelNameTaken = 'MODEL_NAME_TAKEN',
  ModelAlreadyRegistered = 'MODEL_ALREADY_REGISTERED',
}

export interface SubmissionErrorDetails {
  [SubmissionErrorCode.Disabled]: Record<string, never>;
  [SubmissionErrorCode.UploadTooLarge]: { limitBytes: number };
  [SubmissionErrorCode.UploadEmpty]: Record<string, never>;
  [SubmissionErrorCode.UploadNotFound]: { uploadId: string };
  [SubmissionErrorCode.UploadNotOnnx]: { bytes: number; sha256: string; problems: readonly string[] };
  [SubmissionErrorCode.UploadQuotaReached]: { waiting: number; max: number; ttlMinutes: number };
  [SubmissionErrorCode.CardInvalid]: { problems: readonly string[] };
  [SubmissionErrorCode.OnnxUnreadable]: { problems: readonly string[] };
  [SubmissionErrorCode.CardContradictsFile]: { problems: readonly string[] };
  [SubmissionErrorCode.ModelIdTaken]: { modelId: string };
  [SubmissionErrorCode.ModelNameTaken]: { name: string; version: string };
  [SubmissionErrorCode.ModelAlreadyRegistered]: { modelId: string };
}

export class SubmissionError<C extends SubmissionErrorCode = SubmissionErrorCode> extends DomainError<C> {}
