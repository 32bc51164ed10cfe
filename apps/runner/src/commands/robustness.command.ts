import { type Device, resolveSuite } from '@ferbench/inference';
import { readFile, writeFile } from 'node:fs/promises';
import { DEFAULT_BATCH_SIZE, formatRobustnessSummary, runRobustness } from '@ferbench/runs';
import { datasetRobustness, modelsPredictedOn, pgRows } from '@ferbench/scores';
import { type Command, InvalidArgumentError } from 'commander';
import { formatPerturbationListing } from '../report/perturbation-listing.js';
import { robustnessTableMarkdown } from '../report/robustness-table.markdown.js';
import { withKappaCis } from '../report/robustness-with-cis.js';
import { replaceBetweenMarkers } from '../report/zoo-table.markdown.js';
import { withRunner } from './command-context.js';
import { device, idList, positiveInt } from './parse-options.js';

const MARKERS = 'robustness-table';

interface RobustnessRunFlags {
  dataset: string[] | 'all';
  models: string[] | 'all';
  suite: string;
  every: number;
  batch: number;
  device?: Device;
}

function suite(value: string): string {
  try {
    resolveSuite(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
  return value;
}

export function registerRobustnessCommand(program: Command): void {
  const robustness = program
    .command('robustness')
    .description('Perturbation suites: the same faces masked, occluded, darkened, blurred, compressed, tilted; how far each model moves and agreement falls.');
  robustness
    .command('list')
    .description('List every perturbation (canonical name with its defaults, parameters, whether it is drawn from the face landmarks) and every suite.')
    .action(() => console.log(formatPerturbationListing()));
  robustness
    .command('run')
    .description(
      'Predict the dataset(s) with the model(s) under every perturbation of the suite, into perturbed_predictions (clean predictions untouched); resumable: what is stored is skipped.',
    )
    .requiredOption('--dataset <ids>', 'dataset id(s), comma-separated, or "all"', idList)
    .option('--models <ids>', 'model id(s), comma-separated, or "all"', idList, 'all')
    .option('--suite <suite>', 'a suite (ferbench robustness list) or perturbations separated by ";", e.g. "blur(sigma=2);hflip"', suite, 'default')
    .option('--every <n>', 'only every n-th image of each dataset (id order): a spread subset, the same on every run', positiveInt, 1)
    .option('--batch <n>', 'images per inference call', positiveInt, DEFAULT_BATCH_SIZE)
    .option('--device <device>', 'cpu or cuda (default: FERBENCH_DEVICE)', device)
    .action(async (opts: RobustnessRunFlags) =>
      withRunner(async ({ config, db, log }) => {
        const summaries = await runRobustness(db.pool, {
          datasets: opts.dataset,
          models: opts.models,
          perturbations: resolveSuite(opts.suite),
          every: opts.every,
          modelsDir: config.modelsDir,
          detectorsDir: config.detectorsDir,
          device: opts.device ?? config.device,
          batchSize: opts.batch,
          log,
        });
        for (const s of summaries) console.log(formatRobustnessSummary(s));
      }),
    );
  robustness
    .command('report')
    .description(
      `Per dataset: Fleiss κ among the models clean vs under each stored perturbation (same faces) with percentile bootstrap CIs and a paired CI for Δκ, the mean flip rate, and each model's accuracy change with its paired CI. --write replaces the text between <!-- ${MARKERS}:start --> and <!-- ${MARKERS}:end --> in a file.`,
    )
    .requiredOption('--dataset <ids>', 'dataset id(s), comma-separated', idList)
    .option('--models <ids>', 'model id(s), comma-separated, or "all" (those with clean predictions on the dataset)', idList, 'all')
    .option('--suite <suite>', 'only these perturbations (a suite or a ";" list; default: every one stored)', suite)
    .option('--json', 'print the results as JSON')
    .option('--write <file>', 'write the Markdown tables into this file, between the markers')
    .option('--note <text>', 'a remark appended to each dataset heading (e.g. the subset)', '')
    .option('--resamples <n>', 'bootstrap resamples of the faces for the κ CIs (paired for Δκ)', positiveInt, 1000)
    .option('--seed <s>', 'seed of the bootstrap', positiveInt, 1)
    .option('--clean-from <perturbation>', 'take the clean labels from this stored identity perturbation (e.g. "blur(sigma=0)", which reproduces clean predictions exactly) where no clean run was made', suite)
    .action(async (opts: { dataset: string[] | 'all'; models: string[] | 'all'; suite?: string; json?: boolean; write?: string; note: string; resamples: number; seed: number; cleanFrom?: string }) =>
      withRunner(async ({ db, log }) => {
        const rows = pgRows(db.pool);
        const datasets = opts.dataset === 'all' ? (await rows<{ id: string }>('SELECT id FROM datasets ORDER BY id', [])).map((r) => r.id) : opts.dataset;
        const perturbations = opts.suite === undefined ? null : resolveSuite(opts.suite).map((p) => p.canonical);
        const cleanFrom = opts.cleanFrom === undefined ? null : (resolveSuite(opts.cleanFrom)[0]?.canonical ?? null);
        const results = [];
        for (const d of datasets) {
          const r = await datasetRobustness(rows, d, opts.models === 'all' ? await modelsPredictedOn(rows, d) : opts.models, perturbations, cleanFrom);
          results.push(withKappaCis(r, { resamples: opts.resamples, seed: opts.seed }));
        }
        if (opts.json) return void console.log(JSON.stringify(results, null, 2));
        const table = robustnessTableMarkdown(results, opts.note === '' ? '' : `; ${opts.note}`);
        if (opts.write === undefined) return void console.log(table);
        await writeFile(opts.write, replaceBetweenMarkers(await readFile(opts.write, 'utf8'), MARKERS, table, opts.write));
        log(`${opts.write}: robustness tables written (${results.length} dataset(s))`);
      }),
    );
}
