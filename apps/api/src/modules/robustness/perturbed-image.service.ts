import { readFile } from 'node:fs/promises';
import { applyPerturbation, decodeImage, encodePng, needsFace } from '@ferbench/inference';
import type { Public } from '../../container/public.js';
import type { ImageService } from '../image/image.service.js';
import { parseRequestedPerturbation } from './perturbation-name.js';
import type { PerturbedImageRepository } from './perturbed-image.repository.js';
import { RobustnessError, RobustnessErrorCode } from './robustness.error.js';

/** PNGs kept in memory, least recently used dropped first: a face page asks for a dozen of one face at once. */
const CACHE_ENTRIES = 512;

export interface PerturbedPng {
  png: Buffer;
  /** The image's sha256 and the canonical perturbation: what the bytes depend on. */
  etag: string;
  /** The dataset's images are private: never stored by shared caches. */
  private: boolean;
}

/** A face rendered under a perturbation on the fly from its original file (the same transform the runs apply), cached. */
export class PerturbedImageService {
  private readonly cache = new Map<string, PerturbedPng>();

  constructor(
    private readonly images: Pick<ImageService, 'file'>,
    private readonly faces: Public<PerturbedImageRepository>,
  ) {}

  /** `authorization`: the request's header, for datasets whose images are private (as GET /images/:id). */
  async png(id: string, text: string, authorization: string | undefined): Promise<PerturbedPng> {
    const perturbation = parseRequestedPerturbation(text);
    const file = await this.images.file(id, authorization);
    const etag = `${file.sha256}:${perturbation.canonical}`;
    const hit = this.cache.get(etag);
    if (hit !== undefined) {
      this.cache.delete(etag);
      this.cache.set(etag, hit);
      return { ...hit, private: file.private };
    }
    const face = needsFace(perturbation) ? await this.faces.face(file.sha256) : null;
    if (needsFace(perturbation) && face === null) throw new RobustnessError(RobustnessErrorCode.NoDetectedFace, { id, perturbation: perturbation.canonical });
    const pixels = await applyPerturbation(await decodeImage(await readFile(file.absolutePath)), perturbation, face);
    const png = await encodePng(pixels);
    const entry = { png, etag, private: file.private };
    this.cache.set(etag, entry);
    if (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    return entry;
  }
}
