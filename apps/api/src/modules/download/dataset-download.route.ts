import { Router } from 'express';
import type { Public } from '../../container/public.js';
import type { DownloadService } from './download.service.js';

/** The registered media type of Parquet (IANA, 2024); send would say application/octet-stream. */
const PARQUET_TYPE = 'application/vnd.apache.parquet';

/**
 * GET /datasets/:id/downloads/:file streams one file of the dataset's export (predictions, images, models,
 * leaderboard, agreement as .csv or .parquet, and manifest.json) from disk. The ETag is the file's sha256: a
 * client revalidates (If-None-Match → 304) and gets new bytes only after a run changed the results.
 */
export function createDatasetDownloadRouter(downloads: Public<DownloadService>): Router {
  const router = Router();
  router.get('/datasets/:id/downloads/:file', async (req, res) => {
    const file = await downloads.file(req.params.id, req.params.file);
    res.setHeader('ETag', `"${file.sha256}"`);
    res.setHeader('Cache-Control', 'public, no-cache');
    res.attachment(file.downloadName);
    if (file.absolutePath.endsWith('.parquet')) res.type(PARQUET_TYPE);
    await new Promise<void>((resolve, reject) =>
      res.sendFile(file.absolutePath, { etag: false, lastModified: false, cacheControl: false }, (error) => (error === undefined || res.headersSent ? resolve() : reject(error))),
    );
  });
  return router;
}
