import type { DetectedFace } from '@ferbench/inference';
import type { ModelInput } from '@ferbench/shared';

/** A batch of image files to turn into one input tensor. */
export interface PreprocessJob {
  seq: number;
  files: string[];
  /** Each file's detected face, for cards that crop or align (absent for crop 'none'). */
  faces?: (DetectedFace | null)[] | undefined;
}

/** The tensor for a job (images back to back, card layout) and, per image, why it could not be prepared. */
export interface PreprocessResult {
  seq: number;
  tensor: Float32Array;
  /** null where the image is in the tensor; else the error (its slot in the tensor is zeros). */
  errors: (string | null)[];
}

export interface PreprocessWorkerData {
  input: ModelInput;
}
