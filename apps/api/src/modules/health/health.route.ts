import { Router } from 'express';
import type { DataSource } from 'typeorm';

/** A database that does not answer SELECT 1 within this long counts as down (a load balancer's probe is short). */
export const HEALTH_TIMEOUT_MS = 2_000;

/**
 * GET /healthz: 200 {"status":"ok"} when the database answers `SELECT 1`, else 503 with the reason, so a load
 * balancer or orchestrator takes this process out of rotation while Postgres is away. Never cached.
 */
export function createHealthRouter(dataSource: DataSource, isStopping: () => boolean): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (isStopping()) return void res.status(503).json({ status: 'unavailable', reason: 'shutting down' });
    try {
      await withTimeout(dataSource.query('SELECT 1'), HEALTH_TIMEOUT_MS);
      res.json({ status: 'ok' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: `database: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  return router;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to SELECT 1 within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
