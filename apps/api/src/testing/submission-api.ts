import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { poolDatabase, type PooledDatabase } from '@ferbench/db';
import type { OnnxDescription } from '@ferbench/inference';
import { createApiToken } from '@ferbench/jobs';
import { createTestDatabase, type TestDatabase } from '@ferbench/testkit';
import { createServer, type RunningServer } from '../server/create-server.js';

export interface SubmissionApi {
  db: TestDatabase;
  runner: PooledDatabase;
  server: RunningServer;
  /** The data folder submitted models go to. */
  dataDir: string;
  token: string;
  /** Every file under the data folder, relative to it. */
  files(): string[];
  stop(): Promise<void>;
}

/** A migrated database with one API token, served by a real API that takes submissions into a fresh data folder. */
export async function startSubmissionApi(prefix: string, maxUploadBytes: number): Promise<SubmissionApi> {
  const db = await createTestDatabase(prefix);
  const runner = poolDatabase(db.url);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ferbench-submissions-'));
  const { token } = await createApiToken(runner.pool, 'tester');
  const server = await createServer({ databaseUrl: db.url, datasetsRoot: dataDir, submissions: { dataDir, maxUploadBytes } });
  return {
    db,
    runner,
    server,
    dataDir,
    token,
    files: () => readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dataDir, path.join(e.parentPath, e.name))),
    async stop() {
      await server.stop();
      await runner.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POST /model-uploads as a client would; token null: without an Authorization header. */
export async function uploadModel(api: SubmissionApi, body: Uint8Array, token: string | null = api.token) {
  const response = await fetch(new URL('/model-uploads', api.server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body,
  });
  return { status: response.status, body: (await response.json()) as { upload?: { id: string; sha256: string; bytes: number; graph: OnnxDescription | null }; error?: { code: string; reason: string; message: string } } };
}
