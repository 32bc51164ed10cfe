import path from 'node:path';
import { EMOTIONS, type Emotion, type ModelCard } from '@ferbench/shared';
import { toColourSpace } from '../colour.js';
import { decodeImage } from '../decode-image.js';
import { readImageHeader } from '../image-header.js';
import { type Device, chooseExecutionProviders } from '../execution-providers.js';
import { faceInput } from '../faces/face-input.js';
import type { DetectedFace, FaceBox } from '../faces/face.js';
import { YUNET, YunetDetector } from '../faces/yunet-detector.js';
import { InferenceError, InferenceErrorCode } from '../inference-error.js';
import { OrtModel } from '../ort-model.js';
import { canonicalPredictor } from '../postprocess.js';
import { sha256File } from '../sha256.js';
import { tensorSize, writeTensor } from '../tensor-layout.js';
import { SessionCache } from './session-cache.js';

/** A registered model: its card and its ONNX file (already checked against the card's sha256 when registered). */
export interface PhotoModel {
  card: ModelCard;
  file: string;
}

export interface PredictPhotoOptions {
  models: readonly PhotoModel[];
  /** Folder holding the detector (FERBENCH_DETECTORS): YUNET.file is relative to it. */
  detectorsDir: string;
  device?: Device;
  /**
   * Margin around the detected box for models whose card says crop 'none' (they were trained on face crops, and a
   * photo is not one), as a fraction of the box on each side. Default PHOTO_MARGIN.
   */
  margin?: number;
}

export interface PhotoVote {
  modelId: string;
  /** The most probable canonical emotion the model can emit (null only if it can emit none). */
  label: Emotion | null;
  /** Canonical order (EMOTIONS); null where the model has no such class. */
  probabilities: (number | null)[];
}

export interface PhotoFace {
  box: FaceBox;
  score: number;
  landmarks: [number, number][];
  votes: PhotoVote[];
}

export interface PhotoPrediction {
  width: number;
  height: number;
  detector: { id: string; sha256: string };
  models: { id: string; sha256: string; crop: string }[];
  faces: PhotoFace[];
}

/** Margin for crop-'none' models on a photo: about how loosely FER2013's and RAF-DB's crops frame a face. */
export const PHOTO_MARGIN = 0.15;

// Sessions live across calls (the API calls once per request); a handful covers the zoo.
const MODEL_SESSIONS = new SessionCache<OrtModel>(16);
const DETECTOR_SESSIONS = new SessionCache<YunetDetector>(2);

async function checkedSha256(file: string, expected: string, what: string): Promise<void> {
  const actual = await sha256File(file);
  if (actual !== expected) throw new InferenceError(InferenceErrorCode.Sha256Mismatch, `${what}: ${file} has sha256 ${actual}, expected ${expected}`);
}

function detectorSession(detectorsDir: string, device: Device): Promise<YunetDetector> {
  const file = path.resolve(detectorsDir, YUNET.file);
  return DETECTOR_SESSIONS.get(`${file}|${device}`, async () => {
    await checkedSha256(file, YUNET.sha256, `detector ${YUNET.id}`);
    return YunetDetector.open(file, chooseExecutionProviders(device));
  });
}

function modelSession(model: PhotoModel, device: Device): Promise<OrtModel> {
  const { card, file } = model;
  return MODEL_SESSIONS.get(`${card.id}|${card.sha256}|${JSON.stringify(card.input)}|${file}|${device}`, async () => {
    await checkedSha256(file, card.sha256, `model ${card.id}`);
    return OrtModel.open(card, file, chooseExecutionProviders(device));
  });
}

/**
 * The live "try a photo" path: decodes the photo in memory (JPEG or PNG; nothing is stored), finds every face
 * with YuNet and lets every model vote on each, preprocessing each face as the model's card says ('align' and
 * 'detect' as in a run; 'none' gets the detected box with PHOTO_MARGIN). Faces come best first.
 */
export async function predictPhoto(photo: Uint8Array, options: PredictPhotoOptions): Promise<PhotoPrediction> {
  const device = options.device ?? 'cpu';
  const margin = options.margin ?? PHOTO_MARGIN;
  // JPEG or PNG by magic bytes, and no more pixels than MAX_INPUT_PIXELS, read from the header before decoding.
  readImageHeader(photo);
  let image;
  try {
    image = await decodeImage(photo);
  } catch (error) {
    throw new InferenceError(InferenceErrorCode.ImageUnreadable, `the photo cannot be decoded as JPEG or PNG (${error instanceof Error ? error.message : String(error)})`);
  }
  const detector = await detectorSession(options.detectorsDir, device);
  const sessions = await Promise.all(options.models.map((m) => modelSession(m, device)));
  const found = await detector.detect(image);
  const faces: PhotoFace[] = found.map((f) => ({ box: f.box, score: f.score, landmarks: f.landmarks.map(([x, y]) => [x, y]), votes: [] }));
  for (const [m, model] of sessions.entries()) {
    const card = (options.models[m] as PhotoModel).card;
    const predictor = canonicalPredictor(card.output);
    const size = tensorSize(card.input);
    const batch = new Float32Array(found.length * size);
    for (const [i, face] of found.entries()) {
      const pixels = card.input.crop === 'none' ? await faceInput(image, face, card.input, 'detect', margin) : await faceInput(image, face, card.input);
      writeTensor(batch, i, toColourSpace(pixels, card.input.colorSpace), card.input);
    }
    const outputs = found.length > 0 ? await model.predict(batch, found.length) : new Float32Array(0);
    found.forEach((_: DetectedFace, i) => {
      const k = model.classCount;
      const { label, probs } = predictor(outputs.subarray(i * k, (i + 1) * k));
      (faces[i] as PhotoFace).votes.push({ modelId: card.id, label: label >= 0 ? (EMOTIONS[label] as Emotion) : null, probabilities: probs });
    });
  }
  return {
    width: image.width,
    height: image.height,
    detector: { id: detector.info.id, sha256: detector.info.sha256 },
    models: options.models.map(({ card }) => ({ id: card.id, sha256: card.sha256, crop: card.input.crop })),
    faces,
  };
}

/** Releases every cached session (the API on shutdown, tests at their end). */
export async function releasePhotoSessions(): Promise<void> {
  await Promise.all([MODEL_SESSIONS.clear(), DETECTOR_SESSIONS.clear()]);
}
