import type { AddressInfo } from 'node:net';
import { createServer } from '@ferbench/api';

export interface ApiServer {
  /** Base URL, without /graphql: what FERBENCH_API_URL holds. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The real API, from the same factory its own tests and `npm start` use, on a free loopback port. With
 * `submissions` it takes model uploads into that data folder, as `npm start` does.
 */
export async function startApi(databaseUrl: string, datasetsRoot: string, submissions?: { dataDir: string; maxUploadBytes: number }): Promise<ApiServer> {
  const server = await createServer({ databaseUrl, datasetsRoot, host: '127.0.0.1', ...(submissions ? { submissions } : {}) });
  const { port } = server.httpServer.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}
