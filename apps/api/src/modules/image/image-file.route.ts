import { Router } from 'express';
import type { Public } from '../../container/public.js';
import type { ImageService } from './image.service.js';

export const imagePath = (id: string): string => `/images/${encodeURIComponent(id)}`;

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * GET /images/:id streams the image file. Its ETag is the file's sha256 and never changes for an id, so
 * browsers may cache it for good; a private dataset's image (FERBENCH_PRIVATE_IMAGES) needs a token and is never
 * cached. Unknown ids and refusals reach the HTTP error middleware as domain errors (404).
 */
export function createImageFileRouter(images: Public<ImageService>): Router {
  const router = Router();
  router.get('/images/:id', async (req, res) => {
    const file = await images.file(req.params.id, req.header('authorization'));
    res.setHeader('ETag', `"${file.sha256}"`);
    // A private image (dataset terms) reaches only token holders: never kept by a shared cache.
    if (file.private) res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Vary', 'Authorization');
    const caching = file.private ? { cacheControl: false } : { maxAge: ONE_YEAR_MS, immutable: true };
    await new Promise<void>((resolve, reject) =>
      // send derives Content-Type from the extension and answers If-None-Match with 304 against our ETag.
      res.sendFile(file.absolutePath, { etag: false, lastModified: false, ...caching }, (error) =>
        error === undefined || res.headersSent ? resolve() : reject(error),
      ),
    );
  });
  return router;
}
