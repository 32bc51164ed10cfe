import path from 'node:path';
import { freePort, repoRoot } from '@ferbench/testkit';
import { type RunningProcess, startServer } from './processes.js';

export interface ApiServer extends RunningProcess {
  /** Base URL, without /graphql: what FERBENCH_API_URL holds. */
  baseUrl: string;
}

/** What the API process is given beyond the database and the datasets root (the variables `npm start` sets too). */
export interface LiveApiOptions {
  /** FERBENCH_DATA_DIR: where uploaded model files go. */
  dataDir?: string;
  /** FERBENCH_MODELS and FERBENCH_DETECTORS: registered models' files and the face detector, for POST /try-photo. */
  modelsDir?: string;
  detectorsDir?: string;
  maxUploadBytes?: number;
  /** FERBENCH_PRIVATE_IMAGES: datasets whose image bytes only token holders get. */
  privateImages?: string;
}

/**
 * The real API as its own process (`node apps/api/dist/main.js`, what `npm start` runs: apps never import apps) on a
 * free loopback port, resolved once /graphql answers.
 */
export async function startApi(databaseUrl: string, datasetsRoot: string, live: LiveApiOptions = {}): Promise<ApiServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    FERBENCH_DATASETS: datasetsRoot,
    API_PORT: String(port),
    API_HOST: '127.0.0.1',
    FERBENCH_DATA_DIR: live.dataDir ?? path.join(datasetsRoot, '.api-data'),
  };
  if (live.modelsDir !== undefined) env.FERBENCH_MODELS = live.modelsDir;
  if (live.detectorsDir !== undefined) env.FERBENCH_DETECTORS = live.detectorsDir;
  if (live.maxUploadBytes !== undefined) env.FERBENCH_MAX_UPLOAD_BYTES = String(live.maxUploadBytes);
  if (live.privateImages !== undefined) env.FERBENCH_PRIVATE_IMAGES = live.privateImages;
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = await startServer({
    name: 'ferbench API',
    command: process.execPath,
    args: [path.join(repoRoot(), 'apps', 'api', 'dist', 'main.js')],
    cwd: repoRoot(),
    env,
    url: `${baseUrl}/graphql?query=%7B__typename%7D`,
    timeoutMs: 60_000,
  });
  return { ...api, baseUrl };
}
