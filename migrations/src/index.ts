import { Initial1764300000000 } from './1764300000000-initial.js';
import { Submissions1764400000000 } from './1764400000000-submissions.js';
import { ImageAnnotations1764500000000 } from './1764500000000-image-annotations.js';
import { HumanVoteCategories1764600000000 } from './1764600000000-human-vote-categories.js';
import { FaceDetections1764601000000 } from './1764601000000-face-detections.js';
import { PerturbedPredictions1765300000000 } from './1765300000000-perturbed-predictions.js';

/** Every migration, oldest first. A committed migration is never edited: add a new one. */
export const migrations = [Initial1764300000000, Submissions1764400000000, ImageAnnotations1764500000000, HumanVoteCategories1764600000000, FaceDetections1764601000000, PerturbedPredictions1765300000000];
