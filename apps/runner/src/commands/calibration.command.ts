import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_CALIBRATION_BINS, DEFAULT_CONFIDENCE_THRESHOLD, calibrationReport } from '@ferbench/shared';
import { readCalibrationFile } from './calibration-input.js';
import { positiveInt } from './parse-options.js';

function probability(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1)) throw new InvalidArgumentError(`expected a number from 0 to 1, got "${value}"`);
  return n;
}

const format = (x: number | null) => (x === null ? 'undefined' : x.toFixed(4));

/** `ferbench calibration`: calibration and selective prediction of a file of probability vectors with gold labels. */
export function registerCalibrationCommand(program: Command): void {
  program
    .command('calibration')
    .description('Calibration (ECE, MCE, reliability bins, Brier, NLL) and selective prediction (AURC, coverage and accuracy at a threshold) of probability vectors with gold labels')
    .requiredOption('--input <file>', 'JSON {"classes": [names], "items": [{"p": [one probability per class], "gold": name}, …]}')
    .option('--bins <M>', 'reliability bins: bin m holds conf in ((m−1)/M, m/M], the first also 0', positiveInt, DEFAULT_CALIBRATION_BINS)
    .option('--threshold <τ>', 'selective prediction keeps the faces with conf ≥ τ', probability, DEFAULT_CONFIDENCE_THRESHOLD)
    .option('--json', 'print one JSON object: n, accuracy, ece, mce, brier, nll, aurc, selective, reliability')
    .action((options: { input: string; bins: number; threshold: number; json?: boolean }) => {
      const { items } = readCalibrationFile(options.input);
      const report = calibrationReport(items, { bins: options.bins, threshold: options.threshold });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return;
      }
      const s = report.selective;
      const lines = [
        `${report.n} items, ${options.bins} bins`,
        `accuracy  ${format(report.accuracy)}`,
        `ECE       ${format(report.ece)}`,
        `MCE       ${format(report.mce)}`,
        `Brier     ${format(report.brier)}`,
        `NLL       ${format(report.nll)}`,
        `AURC      ${format(report.aurc)}`,
        `at conf ≥ ${s.threshold}: coverage ${format(s.coverage)}, accuracy ${format(s.accuracy)}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n(--json for the reliability bins)\n`);
    });
}
