import type { Device } from '@ferbench/inference';
import { DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE, runModels, formatRunSummary } from '@ferbench/runs';
import type { Command } from 'commander';
import { withRunner } from './command-context.js';
import { device, idList, positiveInt } from './parse-options.js';

interface RunFlags {
  dataset: string[] | 'all';
  models: string[] | 'all';
  batch: number;
  chunkSize: number;
  workers?: number;
  concurrentModels?: boolean;
  parallelSessions?: number;
  device?: Device;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('Predict every image of the dataset(s) with the model(s); resumable: only images without a prediction are run.')
    .requiredOption('--dataset <ids>', 'dataset id(s), comma-separated, or "all"', idList)
    .option('--models <ids>', 'model id(s), comma-separated, or "all"', idList, 'all')
    .option('--batch <n>', 'images per inference call', positiveInt, DEFAULT_BATCH_SIZE)
    .option('--chunk-size <n>', 'predictions per committed chunk (what a killed run can lose)', positiveInt, DEFAULT_CHUNK_SIZE)
    .option('--workers <n>', 'preprocessing worker threads (default: half the cores)', positiveInt)
    .option('--concurrent-models', 'run the models of a preprocessing group at the same time, each on its share of the cores (default: where each gets 2 cores)')
    .option('--no-concurrent-models', 'run the models of a group one after another, each on every core')
    .option('--parallel-sessions <n>', 'sessions run at once for a graph whose fixed batch cannot be made dynamic (default: one per core)', positiveInt)
    .option('--device <device>', 'cpu or cuda (default: FERBENCH_DEVICE)', device)
    .action(async (opts: RunFlags) =>
      withRunner(async ({ config, db, log }) => {
        const summaries = await runModels(db.pool, {
          datasets: opts.dataset,
          models: opts.models,
          modelsDir: config.modelsDir,
          detectorsDir: config.detectorsDir,
          device: opts.device ?? config.device,
          batchSize: opts.batch,
          chunkSize: opts.chunkSize,
          workers: opts.workers,
          concurrentModels: opts.concurrentModels,
          parallelSessions: opts.parallelSessions,
          log,
        });
        for (const s of summaries) console.log(formatRunSummary(s));
        if (summaries.some((s) => s.status === 'failed')) process.exitCode = 1;
      }),
    );
}
