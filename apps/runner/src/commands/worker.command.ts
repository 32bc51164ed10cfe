import path from 'node:path';
import type { Device } from '@ferbench/inference';
import { DEFAULT_QUEUE_CHUNK_SIZE, startQueueWorker } from '@ferbench/jobs';
import type { Command } from 'commander';
import { withRunner } from './command-context.js';
import { device, positiveInt } from './parse-options.js';

interface WorkerFlags {
  concurrency: number;
  chunkSize: number;
  id?: string;
  batch?: number;
  workers?: number;
  device?: Device;
  datasets?: string;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Run submitted models: take jobs from the queue in Postgres until SIGINT/SIGTERM. Start as many as you like, on any machine: model files missing here are fetched from the database into FERBENCH_DATA_DIR/models.')
    .option('--concurrency <n>', 'jobs at once', positiveInt, 1)
    .option('--chunk-size <n>', 'images per job when this worker splits a submission', positiveInt, DEFAULT_QUEUE_CHUNK_SIZE)
    .option('--id <name>', 'name of this worker in submission logs (default: host:pid)')
    .option('--batch <n>', 'images per inference call', positiveInt)
    .option('--workers <n>', 'preprocessing threads per job (default: half the cores)', positiveInt)
    .option('--device <device>', 'cpu or cuda (default: FERBENCH_DEVICE)', device)
    .option(
      '--datasets <dir>',
      "this machine's own copies of the datasets, one folder per dataset id holding each image at its key; each is checked against the dataset's content hash before use (default: the paths stored at import, on a shared disk)",
    )
    .action(async (opts: WorkerFlags) =>
      withRunner(async ({ config, db, log }) => {
        const worker = await startQueueWorker({
          databaseUrl: db.url,
          modelsDir: config.modelsDir,
          detectorsDir: config.detectorsDir,
          datasetsDir: opts.datasets === undefined ? undefined : path.resolve(opts.datasets),
          dataDir: config.dataDir,
          device: opts.device ?? config.device,
          workerId: opts.id,
          concurrency: opts.concurrency,
          chunkSize: opts.chunkSize,
          batchSize: opts.batch,
          workers: opts.workers,
          log,
        });
        const stop = (signal: string) => {
          log(`${signal}: finishing the running job(s), then stopping`);
          void worker.stop();
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
        await worker.done;
      }),
    );
}
