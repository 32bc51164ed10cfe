import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { InferenceError, InferenceErrorCode, type PhotoModel, type PhotoPrediction, type PhotoVote, predictPhoto, readImageHeader, YUNET } from '@ferbench/inference';
import { commonEmotions, EMOTIONS, type Emotion, emittableEmotions, isEnsembleCard, itemAgreement } from '@ferbench/shared';
import type { ModelRepository } from '../model/model.repository.js';
import { PhotoError, PhotoErrorCode } from './photo.error.js';
import { readLimited } from './read-limited.js';
import { restrictedVote } from './restricted-vote.js';

/** 10 MiB: a phone camera's JPEG fits; the detector shrinks any photo to 640 pixels on its longest side anyway. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export interface PhotoSettings {
  /** Where registered models' files are (FERBENCH_MODELS); a card's `file` is relative to it, or absolute. */
  modelsDir: string;
  /** Where the face detector is (FERBENCH_DETECTORS). */
  detectorsDir: string;
  maxPhotoBytes: number;
}

export interface FaceVote extends PhotoVote {
  /** The probability the model gave its own vote. */
  probability: number | null;
  /** The vote within the label set every model can emit (what the agreement numbers count). */
  labelInSet: Emotion | null;
}

export interface FaceAgreement {
  labelSet: Emotion[];
  /** Votes per label of labelSet, in its order. */
  voteCounts: number[];
  ratings: number;
  majority: string | null;
  tied: boolean;
  tiedLabels: readonly string[];
  entropyBits: number | null;
  pI: number | null;
}

export interface TriedPhoto {
  /** The photo as received: its size and hash (it is not kept). */
  photo: { bytes: number; sha256: string; width: number; height: number };
  detector: PhotoPrediction['detector'];
  models: { id: string; name: string; version: string; sha256: string; crop: string }[];
  /** Registered models whose file is not on this server: they could not vote. */
  unavailable: string[];
  labelSet: Emotion[];
  faces: (Omit<PhotoPrediction['faces'][number], 'votes'> & { votes: FaceVote[]; agreement: FaceAgreement })[];
}

/**
 * The live "try a photo" path: every registered model votes on every face of one photo, held in memory for the
 * request only. Agreement per face is counted over the labels every voting model can emit, as for datasets.
 */
export class PhotoService {
  constructor(
    private readonly models: Pick<ModelRepository, 'findAll'>,
    /** undefined: this server tries no photos. */
    private readonly settings: PhotoSettings | undefined,
  ) {}

  async tryPhoto(body: Readable, declaredBytes: number | undefined): Promise<TriedPhoto> {
    const settings = this.settings;
    if (settings === undefined) throw new PhotoError(PhotoErrorCode.Disabled, {});
    if (declaredBytes !== undefined && declaredBytes > settings.maxPhotoBytes) throw new PhotoError(PhotoErrorCode.TooLarge, { limitBytes: settings.maxPhotoBytes });
    if (!existsSync(path.resolve(settings.detectorsDir, YUNET.file))) throw new PhotoError(PhotoErrorCode.DetectorMissing, { file: YUNET.file });
    const photo = await readLimited(body, settings.maxPhotoBytes);
    // Before any model or decoder is touched: JPEG or PNG by magic bytes, at most 40 MP by the header's own word.
    try {
      readImageHeader(photo);
    } catch (error) {
      throw photoProblem(error);
    }

    // an ensemble has no file to run: it is computed from stored predictions only
    const registered = (await this.models.findAll()).filter((m) => !isEnsembleCard(m.card));
    const available: (PhotoModel & { name: string; version: string })[] = [];
    const unavailable: string[] = [];
    for (const model of registered) {
      const file = path.resolve(settings.modelsDir, model.card.file);
      if (existsSync(file)) available.push({ card: model.card, file, name: model.name, version: model.version });
      else unavailable.push(model.id);
    }
    if (available.length === 0) throw new PhotoError(PhotoErrorCode.NoModels, { unavailable });

    let prediction: PhotoPrediction;
    try {
      prediction = await predictPhoto(photo, { models: available, detectorsDir: settings.detectorsDir });
    } catch (error) {
      throw photoProblem(error);
    }
    const labelSet = commonEmotions(available.map((m) => emittableEmotions({ labels: m.card.output.labels, map: m.card.output.labelMap })));
    return {
      photo: { bytes: photo.length, sha256: createHash('sha256').update(photo).digest('hex'), width: prediction.width, height: prediction.height },
      detector: prediction.detector,
      models: available.map((m) => ({ id: m.card.id, name: m.name, version: m.version, sha256: m.card.sha256, crop: m.card.input.crop })),
      unavailable,
      labelSet,
      faces: prediction.faces.map((face) => {
        const votes = face.votes.map((vote): FaceVote => ({
          ...vote,
          probability: vote.label === null ? null : (vote.probabilities[EMOTIONS.indexOf(vote.label)] ?? null),
          labelInSet: restrictedVote(vote.label, vote.probabilities, labelSet),
        }));
        return { ...face, votes, agreement: faceAgreement(votes, labelSet) };
      }),
    };
  }
}

/** An image the decoder refused, as the photo error the client sees; anything else is not the client's doing. */
function photoProblem(error: unknown): unknown {
  if (!(error instanceof InferenceError)) return error;
  if (error.code === InferenceErrorCode.ImageUnreadable) return new PhotoError(PhotoErrorCode.Unreadable, { reason: error.message });
  if (error.code === InferenceErrorCode.ImageFormatRefused) return new PhotoError(PhotoErrorCode.NotJpegOrPng, { reason: error.message });
  if (error.code === InferenceErrorCode.ImageTooManyPixels) return new PhotoError(PhotoErrorCode.TooManyPixels, { reason: error.message });
  return error;
}

function faceAgreement(votes: readonly FaceVote[], labelSet: Emotion[]): FaceAgreement {
  const voteCounts = labelSet.map((label) => votes.filter((v) => v.labelInSet === label).length);
  return { labelSet, voteCounts, ...itemAgreement(labelSet, voteCounts) };
}
