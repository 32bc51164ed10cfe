import { exportResults } from '@ferbench/exports';
import type { Command } from 'commander';
import { withRunner } from './command-context.js';
import { type ModelChoice, formatList, modelChoice, nonNegativeInt, resolveModelChoice } from './export-options.js';
import { idList } from './parse-options.js';

interface ExportCommandOptions {
  dataset: string[] | 'all';
  models: ModelChoice;
  format: ReturnType<typeof formatList>;
  out: string;
  omitImagePaths?: boolean;
  bootstrap: number;
  seed: number;
}

/** `ferbench export`: the stored results as files, streamed from Postgres, with manifest.json. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Write the stored results as files: predictions (one row per face and model, a probability column per emotion), images (with crowd votes and attributes), models (their cards), the leaderboard and agreement figures, and manifest.json with the sha256 and row count of every file, the datasets\' content hashes, the models\' hashes and ferbench\'s version and commit. Streamed from Postgres in bounded memory.',
    )
    .option('--dataset <ids>', 'dataset id(s), comma-separated, or "all"', idList, 'all')
    .option('--models <ids>', '"zoo" (the registered zoo models), "all" or model id(s), comma-separated', modelChoice, 'zoo')
    .option('--format <formats>', 'csv, parquet or json (JSON Lines), or several comma-separated', formatList, ['csv'])
    .requiredOption('--out <dir>', 'an empty or new folder to write into')
    .option('--omit-image-paths', 'leave out image keys and paths (a private dataset); hashes, votes and attributes stay')
    .option('--bootstrap <n>', 'bootstrap resamples of the agreement CIs (0: none)', nonNegativeInt, 1000)
    .option('--seed <s>', 'seed of the bootstrap', nonNegativeInt, 1)
    .action(async (opts: ExportCommandOptions) =>
      withRunner(async ({ db, log }) => {
        const { manifest } = await exportResults(db.pool, {
          datasets: opts.dataset,
          models: await resolveModelChoice(db.pool, opts.models),
          formats: opts.format,
          outDir: opts.out,
          omitImagePaths: opts.omitImagePaths === true,
          bootstrap: { resamples: opts.bootstrap, seed: opts.seed },
          log,
        });
        for (const f of manifest.content.files) console.log(`${f.path}\t${f.rows} rows\t${f.bytes} bytes\tsha256 ${f.sha256}`);
        console.log(`manifest.json\tcontent sha256 ${manifest.contentSha256}`);
      }),
    );
}
