import { Router } from 'express';
import type { Public } from '../../container/public.js';
import type { PerturbedImageService } from './perturbed-image.service.js';

const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * GET /images/:id/perturbed/:perturbation renders the face under the perturbation (e.g. `mask(kind=surgical)`,
 * URL-encoded) as PNG. Its ETag is the image's sha256 and the canonical perturbation, which fix the bytes.
 */
export function createPerturbedImageRouter(images: Public<PerturbedImageService>): Router {
  const router = Router();
  router.get('/images/:id/perturbed/:perturbation', async (req, res) => {
    const { png, etag, private: isPrivate } = await images.png(req.params.id, req.params.perturbation, req.headers.authorization);
    res.setHeader('ETag', `"${etag}"`);
    // A private dataset's faces, perturbed or not, are for the token holder only (as GET /images/:id).
    res.setHeader('Cache-Control', isPrivate ? 'private, no-store' : `public, max-age=${ONE_YEAR_S}, immutable`);
    if (req.headers['if-none-match'] === `"${etag}"`) return void res.status(304).end();
    res.type('png').send(png);
  });
  return router;
}
