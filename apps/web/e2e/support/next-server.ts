import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, repoRoot } from '@ferbench/testkit';
import { type RunningProcess, startServer } from './processes.js';

const webDir = path.join(repoRoot(), 'apps', 'web');

/** `next start` of the built dashboard on a free port, reading the API at apiUrl. */
export async function startDashboard(apiUrl: string): Promise<RunningProcess> {
  if (!existsSync(path.join(webDir, '.next', 'BUILD_ID'))) {
    throw new Error(`the dashboard is not built: run \`npm run build\` (or \`npx turbo run build --filter=@ferbench/web\`) first`);
  }
  const port = await freePort();
  const nextBin = require.resolve('next/dist/bin/next', { paths: [webDir] });
  return startServer({
    name: 'next start',
    command: process.execPath,
    args: [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    cwd: webDir,
    env: { ...process.env, FERBENCH_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    url: `http://127.0.0.1:${port}/`,
    timeoutMs: 60_000,
  });
}
