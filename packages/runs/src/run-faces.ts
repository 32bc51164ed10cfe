import path from 'node:path';
import { type DetectedFace, YUNET, YunetDetector, type ExecutionProviderChoice, sha256File } from '@ferbench/inference';
import type pg from 'pg';
import { detectImages } from './faces/detect-images.js';
import type { PendingImage } from './pending-images.js';
import type { FailureRow } from './prediction-writer.js';
import { RunError, RunErrorCode } from './run-error.js';
import type { RunOptions } from './run-options.js';

/** The failure recorded for an image in which the detector found no face: no prediction is made up for it. */
export const NO_FACE = 'no face detected';

/** The detectors folder of a run: FERBENCH_DETECTORS as given, else `detectors` beside the models folder. */
export function detectorsDir(options: Pick<RunOptions, 'modelsDir' | 'detectorsDir'>): string {
  return options.detectorsDir ?? path.resolve(options.modelsDir, '..', 'detectors');
}

/** The YuNet file under the detectors folder, refused when missing or not the file YUNET names. */
export async function checkedYunetFile(dir: string): Promise<string> {
  const file = path.resolve(dir, YUNET.file);
  let sha256: string;
  try {
    sha256 = await sha256File(file);
  } catch {
    throw new RunError(RunErrorCode.ModelFileMissing, `face detector ${YUNET.id}: ${file} cannot be read (FERBENCH_DETECTORS ${dir})`);
  }
  if (sha256 !== YUNET.sha256) throw new RunError(RunErrorCode.Sha256Mismatch, `face detector ${YUNET.id}: ${file} has sha256 ${sha256}, expected ${YUNET.sha256}`);
  return file;
}

export interface RunFaces {
  /** Images with a face, and that face (the detector's best). */
  faces: Map<string, DetectedFace>;
  /** Images without one ("no face detected") or that could not be read: recorded as failures. */
  failures: FailureRow[];
  detected: number;
  reused: number;
}

/** The face of every pending image, for a card that crops or aligns: detected once per image, cached in Postgres. */
export async function runFaces(client: pg.PoolClient, pending: readonly PendingImage[], options: RunOptions, providers: ExecutionProviderChoice): Promise<RunFaces> {
  const dir = detectorsDir(options);
  const found = await detectImages(client, pending, YUNET, async () => YunetDetector.open(await checkedYunetFile(dir), providers));
  const faces = new Map<string, DetectedFace>();
  const failures: FailureRow[] = [];
  for (const image of pending) {
    const detection = found.detections.get(image.sha256);
    if (detection?.face) faces.set(image.id, detection.face);
    else failures.push({ imageId: image.id, error: detection === undefined ? (found.errors.get(image.sha256) ?? 'not detected') : NO_FACE });
  }
  return { faces, failures, detected: found.detected, reused: found.reused };
}
