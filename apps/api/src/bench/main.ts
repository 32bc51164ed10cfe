import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeBenchSummary, repoRoot } from '@ferbench/testkit';
import { formatAgreementBench, runAgreementBenchmark } from './agreement-1m.bench.js';

const NAME = 'agreement-1m';

/**
 * The API's part of `npm run bench`: agreement statistics for 10 raters × 1,000,000 synthetic faces, end to end.
 * `--faces <n>` runs it smaller (the bench's own test does).
 */
async function main(): Promise<void> {
  const facesArg = process.argv.indexOf('--faces');
  const faces = facesArg > 0 ? Number(process.argv[facesArg + 1]) : 1_000_000;
  if (!Number.isInteger(faces) || faces < 1) throw new Error(`--faces: expected a positive integer, got ${process.argv[facesArg + 1]}`);
  const log = (line: string) => void process.stderr.write(`${line}\n`);
  log(`bench ${NAME}: κ, α and AC1 of 10 raters × ${faces.toLocaleString('en-US')} synthetic faces through the API`);
  const result = await runAgreementBenchmark({ faces, raters: 10, resamples: 1000, repetitions: 3, log });
  console.log(formatAgreementBench(result));
  const outDir = path.join(repoRoot(), 'bench-output');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${NAME}.json`);
  writeFileSync(file, `${JSON.stringify({ benchmark: NAME, at: new Date().toISOString(), ...result }, null, 2)}\n`);
  log(`bench ${NAME}: wrote ${file}`);
  const summary = mergeBenchSummary({
    ...result.ratios,
    agreement: {
      faces: result.faces,
      raters: result.raters,
      predictionRows: result.predictionRows,
      patterns: result.patterns,
      cpus: result.cpus,
      baselineSeconds: result.patternQuery.secondsMedian,
      refreshAtRunEndSeconds: result.refresh.secondsMedian,
      coldSeconds: result.agreementCold.secondsMedian,
      warmSeconds: result.agreement.secondsMedian,
      bootstrap1000Seconds: result.agreementWithBootstrap.secondsMedian,
      valuesVsBaselineMaxAbsDifference: result.valuesVsBaselineMaxAbsDifference,
      goals: { agreementColdVsBaseline: '<= 0.2', agreementWarmVsBaseline: '<= 0.01', bootstrap1000VsBaseline: '<= 0.4' },
    },
  });
  log(`bench ${NAME}: merged its ratios into ${summary}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench ${NAME}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
