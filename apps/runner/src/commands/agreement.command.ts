import { type Command, InvalidArgumentError } from 'commander';
import { agreementReport } from '@ferbench/shared';
import { readRatingsFile } from './agreement-input.js';
import { agreementJson } from './agreement-json.js';

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
  readonly ratings: string;
  readonly bootstrap?: number;
  readonly seed: number;
  readonly json?: boolean;
}

const format = (x: number | null) => (x === null ? 'undefined' : x.toFixed(4));

/** `ferbench agreement`: every agreement statistic of a ratings file (items × raters, as the fixtures). */
export function registerAgreement(program: Command): void {
  program
    .command('agreement')
    .description('Agreement statistics (Fleiss, Randolph, Cohen pairs, Krippendorff, Gwet AC1, per face) of a ratings file')
    .requiredOption('--ratings <file>', 'JSON with categories, raters and ratings (items × raters; a label or null)')
    .option('--bootstrap <n>', 'add percentile bootstrap CIs from n resamples of the items', positiveInteger)
    .option('--seed <s>', 'seed of the bootstrap resampling', integer, 1)
    .option('--json', 'print one JSON object')
    .action((options: AgreementOptions) => {
      const input = readRatingsFile(options.ratings);
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
