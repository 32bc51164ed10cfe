import type { Command } from 'commander';
import { DATASET_FORMATS } from '../import/dataset-formats.js';
import { importDataset } from '../import/import-dataset.js';
import { formatImportSummary } from '../import/import-summary.js';
import { withRunner } from './command-context.js';

export function registerDatasetCommand(program: Command): void {
  const dataset = program.command('dataset').description('Manage datasets of labelled faces.');
  dataset
    .command('import')
    .description('Import (or re-import) a dataset: one row per image with its sha256, size, split and gold label.')
    .argument('<path>', 'the dataset folder')
    .requiredOption('--format <format>', `layout: ${DATASET_FORMATS.map((f) => `${f.name} (${f.description})`).join('; ')}`)
    .option('--name <id>', 'dataset id (default: from the folder / format)')
    .option('--split <split>', 'import only this split')
    .action(async (root: string, opts: { format: string; name?: string; split?: string }) =>
      withRunner(async ({ db, log }) => {
        const summary = await importDataset(db.pool, { format: opts.format, root, id: opts.name, split: opts.split, log });
        console.log(formatImportSummary(summary));
      }),
    );
}
