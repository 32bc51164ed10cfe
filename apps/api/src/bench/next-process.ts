import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, repoRoot } from '@ferbench/testkit';

export interface NextProcess {
  url: string;
  stop(): Promise<void>;
}

/** `next start` of the built dashboard (a process: apps never import apps) on a free loopback port, reading `apiUrl`. */
export async function startNextDashboard(apiUrl: string): Promise<NextProcess> {
  const webDir = path.join(repoRoot(), 'apps', 'web');
  if (!existsSync(path.join(webDir, '.next', 'BUILD_ID'))) throw new Error('the dashboard is not built: run `npx turbo run build --filter=@ferbench/web` first');
  const port = await freePort();
  const nextBin = require.resolve('next/dist/bin/next', { paths: [webDir] });
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: webDir,
    env: { ...process.env, FERBENCH_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/try`);
      return { url, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error('next start did not answer within 60 s');
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
