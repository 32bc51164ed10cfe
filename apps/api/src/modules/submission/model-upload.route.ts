import { Router } from 'express';
import type { SubmissionService } from './submission.service.js';

/**
 * POST /model-uploads: step 1 of a model submission. The body is the ONNX file as it is (any content type; curl
 * --data-binary @model.onnx), with "Authorization: Bearer <token>". Answers 201 with the upload's id and sha256,
 * which step 2 (the submitModel mutation) takes with the card, and the file's inputs and outputs (graph: names, element
 * types and shapes; null when onnxruntime cannot load it) so a form can prefill the card. A bearer token rather than a cookie authorises it,
 * so another site cannot make a visitor's browser upload (no CSRF).
 */
export function createModelUploadRouter(submissions: Pick<SubmissionService, 'upload'>): Router {
  const router = Router();
  router.post('/model-uploads', async (req, res) => {
    const length = req.header('content-length');
    try {
      const upload = await submissions.upload(req.header('authorization'), req, length === undefined ? undefined : Number(length));
      res.status(201).json({
        upload: { id: upload.uploadId, sha256: upload.sha256, bytes: upload.bytes, expiresAt: upload.expiresAt.toISOString(), graph: upload.graph },
      });
    } catch (error) {
      // The rest of a refused body is not read: close the connection rather than leave it to the next request.
      if (!req.complete) res.setHeader('Connection', 'close');
      throw error;
    }
  });
  return router;
}
