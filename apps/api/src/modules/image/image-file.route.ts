import { Router } from 'express';
import type { Public } from '../../container/public.js';
import type { ImageService } from './image.service.js';

export const imagePath = (id: string): string => `/images/${encodeURIComponent(id)}`;

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * GET /images/:id streams the image file. Its ETag is the file's sha256 and never changes for an id, so
 * browsers may cache it for good. Unknown ids reach the HTTP error middleware as domain errors (404).
 */
export function createImageFileRouter(images: Public<ImageService>): Router {
  const router = Router();
  router.get('/images/:id', async (req, res) => {
    const file = await images.file(req.params.id);
    res.setHeader('ETag', `"${file.sha256}"`);
    await new Promise<void>((resolve, reject) =>
      // send derives Content-Type from the extension and answers If-None-Match with 304 against our ETag.
      res.sendFile(file.absolutePath, { etag: false, lastModified: false, maxAge: ONE_YEAR_MS, immutable: true }, (error) =>
        error === undefined || res.headersSent ? resolve() : reject(error),
      ),
    );
  });
  return router;
}
