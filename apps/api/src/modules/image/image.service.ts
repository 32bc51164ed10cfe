import { existsSync } from 'node:fs';
import path from 'node:path';
import { EMOTIONS, HUMAN_VOTE_CATEGORIES, emotionAt, itemAgreement } from '@ferbench/shared';
import type { Public } from '../../container/public.js';
import type { HumanVoteCountType } from './dto/human-vote-count.type.js';
import type { ImageType } from './dto/image.type.js';
import type { PredictionType } from './dto/prediction.type.js';
import type { ImageAccess } from './image-access.js';
import { ImageError, ImageErrorCode } from './image.error.js';
import type { ImageRepository } from './image.repository.js';
import { toPredictionType } from './prediction.mapper.js';

/** Image ids are bigserial; anything else cannot name an image (and would be a SQL cast error). */
const IMAGE_ID = /^[1-9][0-9]{0,17}$/;

export interface ImageFile {
  absolutePath: string;
  sha256: string;
  /** Served only to token holders: no shared cache may keep it. */
  private: boolean;
}

export class ImageService {
  constructor(
    private readonly repository: Public<ImageRepository>,
    /** Folder that relative dataset roots are resolved against. */
    private readonly datasetsRoot: string,
    private readonly access: Public<ImageAccess>,
  ) {}

  /** Whether the dataset's terms keep its image bytes from the public (its votes stay public). */
  imagesPrivate(datasetId: string): boolean {
    return this.access.isPrivate(datasetId);
  }

  async find(id: string): Promise<ImageType | null> {
    if (!IMAGE_ID.test(id)) return null;
    const image = await this.repository.findById(id);
    if (image === null) return null;
    const counts = new Array<number>(EMOTIONS.length).fill(0);
    for (const { label, n } of await this.repository.voteCounts(id)) counts[label] = n;
    const votes = itemAgreement(EMOTIONS, counts);
    return {
      id: image.id,
      datasetId: image.datasetId,
      key: image.key,
      split: image.split,
      goldLabel: image.goldLabel === null ? null : emotionAt(image.goldLabel),
      votes: votes.ratings,
      majority: votes.majority === null ? null : { label: votes.majority, tied: votes.tied, tiedLabels: [...votes.tiedLabels] },
      entropyBits: votes.entropyBits,
      pI: votes.pI,
    };
  }

  async predictions(imageId: string): Promise<PredictionType[]> {
    return (await this.repository.findPredictions(imageId)).map(toPredictionType);
  }

  /** Every human vote category with its count, or nothing when no person voted on the face. */
  async humanVotes(imageId: string): Promise<HumanVoteCountType[]> {
    const rows = await this.repository.humanVotes(imageId);
    if (rows.length === 0) return [];
    const counts = new Map(rows.map((r) => [r.label, r.votes]));
    return HUMAN_VOTE_CATEGORIES.map((category, k) => ({ category, votes: counts.get(k) ?? 0 }));
  }

  /** Where the image's bytes are (datasets root + dataset root + image path), if this request may have them. */
  async file(id: string, authorization: string | undefined): Promise<ImageFile> {
    const image = IMAGE_ID.test(id) ? await this.repository.findWithDataset(id) : null;
    if (image === null || image.dataset === undefined) throw new ImageError(ImageErrorCode.NotFound, { id });
    await this.access.check(image, authorization);
    const absolutePath = path.resolve(this.datasetsRoot, image.dataset.root, image.path);
    if (!existsSync(absolutePath)) throw new ImageError(ImageErrorCode.FileMissing, { id });
    return { absolutePath, sha256: image.sha256, private: this.access.isPrivate(image.datasetId) };
  }
}
