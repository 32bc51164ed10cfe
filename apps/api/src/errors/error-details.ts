import type { ComputeErrorDetails } from '../compute/compute.error.js';
import type { AgreementErrorDetails } from '../modules/agreement/agreement.error.js';
import type { ComparisonErrorDetails } from '../modules/comparison/comparison.error.js';
import type { DatasetErrorDetails } from '../modules/dataset/dataset.error.js';
import type { DownloadErrorDetails } from '../modules/download/download.error.js';
import type { EnsembleErrorDetails } from '../modules/ensemble/ensemble.error.js';
import type { ExploreErrorDetails } from '../modules/explore/explore.error.js';
import type { ImageErrorDetails } from '../modules/image/image.error.js';
import type { ModelErrorDetails } from '../modules/model/model.error.js';
import type { PhotoErrorDetails } from '../modules/photo/photo.error.js';
import type { SliceErrorDetails } from '../modules/slice/slice.error.js';
import type { SnapshotErrorDetails } from '../modules/snapshot/snapshot.error.js';
import type { RobustnessErrorDetails } from '../modules/robustness/robustness.error.js';
import type { SubmissionErrorDetails } from '../modules/submission/submission.error.js';
import type { TokenErrorDetails } from '../modules/token/token.error.js';

/**
 * Every module's error codes with the details each carries. A module's error class can only be built with a
 * code listed here, and error-mapper.ts must map every code listed here, so an unmapped code does not compile.
 */
export type ErrorDetails = DatasetErrorDetails & ModelErrorDetails & ImageErrorDetails & AgreementErrorDetails & ComparisonErrorDetails &
  ExploreErrorDetails &
  TokenErrorDetails &
  SubmissionErrorDetails &
  PhotoErrorDetails &
  SliceErrorDetails &
  ComputeErrorDetails &
  DownloadErrorDetails &
  SnapshotErrorDetails &
  RobustnessErrorDetails &
  EnsembleErrorDetails;

export type ErrorCode = keyof ErrorDetails;
