import { COMPUTE_ERROR_MAPPINGS } from '../compute/compute.error-messages.js';
import { AgreementErrorCode } from '../modules/agreement/agreement.error.js';
import { ComparisonErrorCode } from '../modules/comparison/comparison.error.js';
import { DatasetErrorCode } from '../modules/dataset/dataset.error.js';
import { DOWNLOAD_ERROR_MAPPINGS } from '../modules/download/download.error-messages.js';
import { ENSEMBLE_ERROR_MAPPINGS } from '../modules/ensemble/ensemble.error-messages.js';
import { EXPLORE_ERROR_MAPPINGS } from '../modules/explore/explore.error-messages.js';
import { ImageErrorCode } from '../modules/image/image.error.js';
import { ModelErrorCode } from '../modules/model/model.error.js';
import { PHOTO_ERROR_MAPPINGS } from '../modules/photo/photo.error-messages.js';
import { SLICE_ERROR_MAPPINGS } from '../modules/slice/slice.error-messages.js';
import { SnapshotErrorCode } from '../modules/snapshot/snapshot.error.js';
import { RobustnessErrorCode } from '../modules/robustness/robustness.error.js';
import { SUBMISSION_ERROR_MAPPINGS } from '../modules/submission/submission.error-messages.js';
import { TOKEN_ERROR_MAPPINGS } from '../modules/token/token.error-messages.js';
import type { DomainError } from './domain-error.js';
import type { ErrorCode, ErrorDetails } from './error-details.js';

/** The broad class of a failure, as GraphQL clients see it in `extensions.code`. */
export type PublicErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'PAYLOAD_TOO_LARGE' | 'CONFLICT' | 'SERVICE_UNAVAILABLE' | 'TOO_MANY_REQUESTS' | 'UNSUPPORTED_MEDIA_TYPE';

/** How one code reaches clients. Modules with several codes keep theirs beside them (…error-messages.ts). */
export interface Mapping<C extends ErrorCode> {
  code: PublicErrorCode;
  /** HTTP status, for the routes outside GraphQL. */
  status: number;
  message(details: ErrorDetails[C]): string;
}

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');

// A mapped type over every code: leaving one out is a compile error.
const MAPPINGS: { [C in ErrorCode]: Mapping<C> } = {
  [DatasetErrorCode.NotFound]: {
    code: 'NOT_FOUND',
    status: 404,
    message: ({ id }) => `There is no dataset "${id}". The datasets query lists the ones there are.`,
  },
  [ModelErrorCode.NotFound]: {
    code: 'NOT_FOUND',
    status: 404,
    message: ({ ids }) => `There is no model ${quoted(ids)}. The models query lists the ones there are.`,
  },
  [RobustnessErrorCode.InvalidPerturbation]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ perturbation, problem }) => `perturbations: "${perturbation}" is not a perturbation: ${problem}. ferbench robustness list names them.`,
  },
  [RobustnessErrorCode.NoDetectedFace]: {
    code: 'NOT_FOUND',
    status: 404,
    message: ({ id, perturbation }) => `${perturbation} is drawn from the face's landmarks, and the detection cache holds no face for image ${id} (ferbench robustness run detects them).`,
  },
  [ImageErrorCode.NotFound]: {
    code: 'NOT_FOUND',
    status: 404,
    message: ({ id }) => `There is no image ${id}.`,
  },
  [ImageErrorCode.FileMissing]: {
    code: 'NOT_FOUND',
    status: 404,
    message: ({ id }) => `Image ${id} is in the database but its file is not on this server (check FERBENCH_DATASETS).`,
  },
  [ImageErrorCode.Private]: {
    code: 'FORBIDDEN',
    status: 403,
    message: ({ id, datasetId, access }) =>
      access === 'nobody'
        ? `Image ${id} belongs to dataset "${datasetId}", whose terms keep its images private: this server serves them to nobody (its votes and statistics stay public).`
        : `Image ${id} belongs to dataset "${datasetId}", whose terms keep its images private: send "Authorization: Bearer <token>" with an API token (its votes and statistics stay public).`,
  },
  [AgreementErrorCode.LabelNotEmittable]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ labels, models }) =>
      `labelSet: ${quoted(models)} cannot emit ${quoted(labels)}; agreement is computed only over labels every chosen model can emit (leave labelSet out for all of them).`,
  },
  [AgreementErrorCode.TooManyModels]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ count, max }) => `models: ${count} models chosen; agreement takes at most ${max} at once.`,
  },
  [ComparisonErrorCode.SameModel]: {
    code: 'BAD_USER_INPUT',
    status: 400,
    message: ({ id }) => `modelA and modelB are both "${id}": choose two different models to compare.`,
  },
  ...EXPLORE_ERROR_MAPPINGS,
  ...TOKEN_ERROR_MAPPINGS,
  ...SUBMISSION_ERROR_MAPPINGS,
  ...PHOTO_ERROR_MAPPINGS,
  ...SLICE_ERROR_MAPPINGS,
  ...COMPUTE_ERROR_MAPPINGS,
  ...DOWNLOAD_ERROR_MAPPINGS,
  [SnapshotErrorCode.NotFound]: {
    code: 'NOT_FOUND',
    status: 404,
    message: ({ id }) => `There is no snapshot "${id}". The snapshots query lists the ones there are.`,
  },
  ...ENSEMBLE_ERROR_MAPPINGS,
};

export interface MappedError {
  code: PublicErrorCode;
  /** The module's own code, for clients that tell cases apart. */
  reason: ErrorCode;
  status: number;
  message: string;
}

export function mapDomainError<C extends ErrorCode>(error: DomainError<C>): MappedError {
  const mapping: Mapping<C> = MAPPINGS[error.code];
  return { code: mapping.code, reason: error.code, status: mapping.status, message: mapping.message(error.details) };
}
