import { Router } from 'express';
import { drainRequest } from './drain-request.js';
import type { SubmissionService } from './submission.service.js';

/** A refused upload's rest is read up to this much (every shared zoo model is smaller) and for this long. */
const DRAIN_CAP_BYTES = 16 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 10_000;

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
      // Read what is left of a refused body (within limits) so the sender sees the refusal rather than a reset;
      // what cannot be drained is not read, and the connection closes rather than being left to the next request.
      const drainable = length === undefined || Number(length) <= DRAIN_CAP_BYTES;
      if (!req.complete && !(drainable && (await drainRequest(req, DRAIN_CAP_BYTES, DRAIN_TIMEOUT_MS)))) res.setHeader('Connection', 'close');
      throw error;
    }
  });
  return router;
}
