import { Initial1764300000000 } from './1764300000000-initial.js';
import { Submissions1764400000000 } from './1764400000000-submissions.js';
import { ImageAnnotations1764500000000 } from './1764500000000-image-annotations.js';
import { HumanVoteCategories1764600000000 } from './1764600000000-human-vote-categories.js';
import { FaceDetections1764601000000 } from './1764601000000-face-detections.js';
import { HumanRatings1765100000000 } from './1765100000000-human-ratings.js';
import { PerturbedPredictions1765300000000 } from './1765300000000-perturbed-predictions.js';
import { BootstrapProgress1765400000000 } from './1765400000000-bootstrap-progress.js';
import { Snapshots1765500000000 } from './1765500000000-snapshots.js';
import { AgreementPatterns1765600000000 } from './1765600000000-agreement-patterns.js';
import { ModelFiles1765600001000 } from './1765600001000-model-files.js';
import { ResultVersions1765700000000 } from './1765700000000-result-versions.js';

/** Every migration, oldest first. A committed migration is never edited: add a new one. */
export const migrations = [Initial1764300000000, Submissions1764400000000, ImageAnnotations1764500000000, HumanVoteCategories1764600000000, FaceDetections1764601000000, HumanRatings1765100000000, PerturbedPredictions1765300000000, BootstrapProgress1765400000000, Snapshots1765500000000, AgreementPatterns1765600000000, ModelFiles1765600001000, ResultVersions1765700000000];
