import { Router } from 'express';
import type { Public } from '../../container/public.js';
import type { PhotoService } from './photo.service.js';

/**
 * POST /try-photo: the body is a JPEG or PNG as it is. Answers 200 with every face found, each registered model's
 * vote on it and the face's agreement (majority, vote entropy, Fleiss P_i). The photo is held in memory for the
 * request and never written anywhere.
 */
export function createTryPhotoRouter(photos: Public<PhotoService>): Router {
  const router = Router();
  router.post('/try-photo', async (req, res) => {
    const length = req.header('content-length');
    try {
      res.status(200).json(await photos.tryPhoto(req, length === undefined ? undefined : Number(length)));
    } catch (error) {
      // The rest of a refused body is not read: close the connection rather than leave it to the next request.
      if (!req.complete) res.setHeader('Connection', 'close');
      throw error;
    }
  });
  return router;
}
