import { DATASET_FORMATS, formatDatasetList, listDatasets, importDataset, formatImportSummary, readLabelsFile } from '@ferbench/datasets';
import type { Command } from 'commander';
import { withRunner } from './command-context.js';

export function registerDatasetCommand(program: Command): void {
  const dataset = program.command('dataset').description('Manage datasets of labelled faces.');
  dataset
    .command('import')
    .description(
      'Import (or re-import) a dataset: one row per image with its sha256, size, split, gold label and published annotations; ' +
        're-importing changes nothing that is unchanged. Problems (missing or unreadable images, unknown labels) are listed by name ' +
        'and the rest imports; the exit code is 1 when there was any. See docs/datasets.md.',
    )
    .argument('<path>', 'the dataset folder (or file, for csv and fer2013.csv)')
    .requiredOption('--format <format>', `layout: ${DATASET_FORMATS.map((f) => `${f.name} (${f.description})`).join('; ')}`)
    .option('--name <id>', 'dataset id (default: from the folder / format)')
    .option('--split <split>', 'import only this split (layouts without splits: the split to give every image, default "all")')
    .option('--labels <map.json>', 'imagefolder, csv: the labels and their canonical emotions, {"label": "emotion" | null} or {"labels": [...], "map": {...}}')
    .option('--variant <variant>', 'rafdb: aligned (default) or original (Image/original with Annotation/ landmarks and face box)')
    .action(async (root: string, opts: { format: string; name?: string; split?: string; labels?: string; variant?: string }) =>
      withRunner(async ({ config, db, log }) => {
        const labels = opts.labels === undefined ? undefined : await readLabelsFile(opts.labels);
        const summary = await importDataset(db.pool, { format: opts.format, root, id: opts.name, split: opts.split, labels, variant: opts.variant, dataDir: config.dataDir, log });
        console.log(formatImportSummary(summary));
        if (summary.skipped.length > 0) process.exitCode = 1;
      }),
    );
  dataset
    .command('list')
    .description('Every imported dataset with its image count per split and canonical label, and its exact duplicates.')
    .option('--json', 'print JSON: [{id, format, root, images, splits: {<split>: {images, labels: {<emotion>|unmapped: n}}}, duplicates}]')
    .action(async (opts: { json?: boolean }) =>
      withRunner(async ({ db }) => {
        const items = await listDatasets(db.pool);
        console.log(opts.json === true ? JSON.stringify(items, null, 2) : formatDatasetList(items));
      }),
    );
}
