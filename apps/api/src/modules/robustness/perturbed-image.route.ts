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
    const { png, etag } = await images.png(req.params.id, req.params.perturbation);
    res.setHeader('ETag', `"${etag}"`);
    res.setHeader('Cache-Control', `public, max-age=${ONE_YEAR_S}, immutable`);
    if (req.headers['if-none-match'] === `"${etag}"`) return void res.status(304).end();
    res.type('png').send(png);
  });
  return router;
}
