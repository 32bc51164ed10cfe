import { readFileSync } from 'node:fs';
import { type DetectedFace, prepareImage, normalisationTables, tensorSize } from '@ferbench/inference';
import type { ModelInput } from '@ferbench/shared';

/**
 * Reads and preprocesses image files into one batch tensor, cropping or aligning each to its detected face where
 * the card says so. A file that cannot be read or decoded leaves zeros in
 * its slot and its error in `errors`; the others are unaffected.
 */
export function batchPreparer(
  input: ModelInput,
): (files: readonly string[], faces?: readonly (DetectedFace | null)[]) => Promise<{ tensor: Float32Array; errors: (string | null)[] }> {
  const tables = normalisationTables(input);
  const size = tensorSize(input);
  return async (files, faces) => {
    const tensor = new Float32Array(files.length * size);
    const errors: (string | null)[] = [];
    for (const [i, file] of files.entries()) {
      try {
        // Synchronous read: this runs on a worker thread whose only job is this, and the files are small.
        await prepareImage(readFileSync(file), input, tensor, i, tables, faces?.[i] ?? null);
        errors.push(null);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    return { tensor, errors };
  };
}

/** One batch, prepared on the calling thread (the benchmark's baseline; runs use the PreprocessPool). */
export function prepareBatchFiles(
  files: readonly string[],
  input: ModelInput,
  faces?: readonly (DetectedFace | null)[],
): Promise<{ tensor: Float32Array; errors: (string | null)[] }> {
  return batchPreparer(input)(files, faces);
}
