import { type Device, resolveSuite } from '@ferbench/inference';
import { DEFAULT_BATCH_SIZE, formatRobustnessSummary, runRobustness } from '@ferbench/runs';
import { type Command, InvalidArgumentError } from 'commander';
import { formatPerturbationListing } from '../report/perturbation-listing.js';
import { withRunner } from './command-context.js';
import { device, idList, positiveInt } from './parse-options.js';

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
}
