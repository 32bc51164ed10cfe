import path from 'node:path';
import { createSnapshot, listSnapshots } from '@ferbench/exports';
import type { Command } from 'commander';
import { withRunner } from './command-context.js';
import { type ModelChoice, modelChoice, nonNegativeInt, resolveModelChoice } from './export-options.js';
import { idList } from './parse-options.js';

/** `ferbench snapshot create|list`: frozen, citable exports under FERBENCH_DATA_DIR/snapshots. */
export function registerSnapshotCommand(program: Command): void {
  const snapshot = program.command('snapshot').description('Citable snapshots: the current results frozen into an export (CSV and Parquet) named by its manifest\'s content hash, under FERBENCH_DATA_DIR/snapshots');
  snapshot
    .command('create')
    .description('Freeze the current results; prints the snapshot id (the same id again when nothing changed since a snapshot was taken)')
    .option('--dataset <ids>', 'dataset id(s), comma-separated, or "all"', idList, 'all')
    .option('--models <ids>', '"zoo" (the registered zoo models), "all" or model id(s), comma-separated', modelChoice, 'zoo')
    .option('--bootstrap <n>', 'bootstrap resamples of the agreement CIs (0: none)', nonNegativeInt, 1000)
    .option('--seed <s>', 'seed of the bootstrap', nonNegativeInt, 1)
    .action(async (opts: { dataset: string[] | 'all'; models: ModelChoice; bootstrap: number; seed: number }) =>
      withRunner(async ({ config, db, log }) => {
        const made = await createSnapshot(db.pool, {
          datasets: opts.dataset,
          models: await resolveModelChoice(db.pool, opts.models),
          snapshotsDir: path.join(config.dataDir, 'snapshots'),
          bootstrap: { resamples: opts.bootstrap, seed: opts.seed },
          log,
        });
        log(made.created ? `snapshot ${made.id} written to ${made.dir}` : `unchanged since snapshot ${made.id} (${made.dir})`);
        console.log(made.id);
      }),
    );
  snapshot
    .command('list')
    .description('Every snapshot, newest first: id, when, datasets, models, content sha256')
    .option('--json', 'print the manifests as JSON')
    .action(async (opts: { json?: boolean }) =>
      withRunner(async ({ db }) => {
        const all = await listSnapshots(db.pool);
        if (opts.json) return void console.log(JSON.stringify(all, null, 2));
        for (const s of all)
          console.log(`${s.id}\t${s.createdAt.toISOString()}\t${s.manifest.content.datasets.map((d) => d.id).join(',')}\t${s.manifest.content.models.map((m) => m.id).join(',')}\t${s.contentSha256}`);
      }),
    );
}
