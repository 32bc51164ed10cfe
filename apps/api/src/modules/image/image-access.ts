import { imagesArePrivate, type PrivateImagesPolicy } from '@ferbench/shared';
import type { Public } from '../../container/public.js';
import type { TokenService } from '../token/token.service.js';
import { ImageError, ImageErrorCode } from './image.error.js';

/**
 * Dataset terms at the door of every route that serves pixels: a private dataset's images go only to API token
 * holders (`Authorization: Bearer`), or to nobody; everything else about them (labels, votes, aggregates) stays public.
 */
export class ImageAccess {
  constructor(
    private readonly policy: PrivateImagesPolicy,
    private readonly tokens: Public<TokenService>,
  ) {}

  isPrivate(datasetId: string): boolean {
    return imagesArePrivate(this.policy, datasetId);
  }

  /** Throws unless the request may have the bytes of this image; a wrong or revoked token is a 401, as elsewhere. */
  async check(image: { id: string; datasetId: string }, authorization: string | undefined): Promise<void> {
    if (!this.isPrivate(image.datasetId)) return;
    const refuse = () => new ImageError(ImageErrorCode.Private, { id: image.id, datasetId: image.datasetId, access: this.policy.access });
    if (this.policy.access === 'nobody' || authorization === undefined) throw refuse();
    await this.tokens.authenticate(authorization);
  }
}
