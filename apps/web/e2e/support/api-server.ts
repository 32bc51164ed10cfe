import type { AddressInfo } from 'node:net';
import { type ServerOptions, createServer } from '@ferbench/api';

export interface ApiServer {
  /** Base URL, without /graphql: what FERBENCH_API_URL holds. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The real API, from the same factory its own tests and `npm start` use, on a free loopback port. With
 * `submissions` it takes model uploads into that data folder, with `photos` it tries photos, as `npm start` does.
 */
export async function startApi(databaseUrl: string, datasetsRoot: string, live: Pick<ServerOptions, 'submissions' | 'photos'> = {}): Promise<ApiServer> {
  const server = await createServer({ databaseUrl, datasetsRoot, host: '127.0.0.1', ...live });
  const { port } = server.httpServer.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}
