import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@ferbench/testkit';

const CLI = path.join(repoRoot(), 'apps', 'runner', 'dist', 'cli.js');

export interface WorkerProcess {
  /** What it printed on stderr, for failure messages. */
  log(): string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

/** A real `ferbench worker` process on the test database, resolved once it says it is waiting for jobs. */
export function startQueueWorker(databaseUrl: string, options: { id: string; chunkSize: number }): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'worker', '--id', options.id, '--chunk-size', String(options.chunkSize), '--workers', '1', '--batch', '8'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, FERBENCH_DEVICE: 'cpu' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const worker: WorkerProcess = {
    log: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      return exited;
    },
  };
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('waiting for jobs')) resolve(worker);
    });
    child.once('exit', (code) => reject(new Error(`ferbench worker ${options.id} exited with ${code}:\n${stderr}`)));
  });
}
