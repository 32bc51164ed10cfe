import { type Command, InvalidArgumentError } from 'commander';
import { agreementReport } from '@ferbench/shared';
import { readRatingsFile } from './agreement-input.js';
import { agreementJson } from './agreement-json.js';
import { datasetAgreementCommand } from './dataset-agreement.command.js';
import { idList } from './parse-options.js';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected an integer, got "${value}"`);
  return n;
}

interface AgreementOptions {
  readonly ratings?: string;
  readonly dataset?: string[] | 'all';
  readonly models: string[] | 'all' | 'zoo';
  readonly bootstrap?: number;
  readonly seed: number;
  readonly json?: boolean;
}

const format = (x: number | null) => (x === null ? 'undefined' : x.toFixed(4));

/** `ferbench agreement`: every agreement statistic of a ratings file (items × raters, as the fixtures). */
export function registerAgreement(program: Command): void {
  program
    .command('agreement')
    .description(
      'Agreement statistics (Fleiss, Randolph, Cohen pairs, Krippendorff, Gwet AC1, per face) of a ratings file; or, with --dataset, Fleiss\' κ of the stored predictions of models on datasets (as the API computes it)',
    )
    .option('--ratings <file>', 'JSON with categories, raters and ratings (items × raters; a label or null)')
    .option('--dataset <ids>', 'dataset id(s), comma-separated, or "all": κ of the stored predictions instead of a ratings file', idList)
    .option('--models <ids>', 'with --dataset: "zoo" (the zoo models that predicted it), "all" (every model that did) or ids', (v: string) => (v === 'zoo' ? 'zoo' : idList(v)), 'zoo')
    .option('--bootstrap <n>', 'add percentile bootstrap CIs from n resamples of the items (with --dataset: default 1000)', positiveInteger)
    .option('--seed <s>', 'seed of the bootstrap resampling', integer, 1)
    .option('--json', 'print one JSON object')
    .action(async (options: AgreementOptions) => {
      if ((options.ratings === undefined) === (options.dataset === undefined)) throw new InvalidArgumentError('give either --ratings <file> or --dataset <ids>');
      if (options.dataset !== undefined)
        return datasetAgreementCommand({ datasets: options.dataset, models: options.models, resamples: options.bootstrap ?? 1000, seed: options.seed, json: options.json === true });
      const input = readRatingsFile(options.ratings!);
      const report = agreementReport(input, options.bootstrap === undefined ? {} : { bootstrap: { resamples: options.bootstrap, seed: options.seed } });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(agreementJson(report))}\n`);
        return;
      }
      const lines = [
        `${input.ratings.length} items × ${input.raters.length} raters, ${input.categories.length} categories`,
        `Fleiss κ            ${format(report.fleissKappa.value)}`,
        `Randolph κ          ${format(report.randolphKappa.declared.value)}`,
        `Krippendorff α      ${format(report.krippendorffAlpha.value)}`,
        `Gwet AC1            ${format(report.gwetAc1.declared.value)}`,
        `percent agreement   ${format(report.percentAgreement.value)}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n(--json for everything)\n`);
    });
}
