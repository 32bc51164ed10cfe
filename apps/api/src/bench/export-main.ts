import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@ferbench/testkit';
import { formatExportBench, runExportBenchmark } from './export-1m.bench.js';

const NAME = 'export-1m';

/**
 * `npm run bench`'s export part: the agreement benchmark's 10 raters × 1,000,000 synthetic faces exported as CSV
 * and Parquet, rows/s and peak RSS. `--faces <n>` runs it smaller
 * (`npm run bench -- --faces 100000`: npm appends the arguments to the last command of the script, this one). Writes bench-output/export-1m.json and merges its key into bench-output/summary.json if
 * that file exists.
 */
async function main(): Promise<void> {
  const facesArg = process.argv.indexOf('--faces');
  const faces = facesArg > 0 ? Number(process.argv[facesArg + 1]) : 1_000_000;
  if (!Number.isInteger(faces) || faces < 1) throw new Error(`--faces: expected a positive integer, got ${process.argv[facesArg + 1]}`);
  const log = (line: string) => void process.stderr.write(`${line}\n`);
  log(`bench ${NAME}: ferbench export of 10 raters × ${faces.toLocaleString('en-US')} synthetic faces, CSV and Parquet`);
  const result = await runExportBenchmark({ faces, raters: 10, log });
  console.log(formatExportBench(result));
  const outDir = path.join(repoRoot(), 'bench-output');
  mkdirSync(outDir, { recursive: true });
  const record = { benchmark: NAME, at: new Date().toISOString(), ...result };
  writeFileSync(path.join(outDir, `${NAME}.json`), `${JSON.stringify(record, null, 2)}\n`);
  const summary = path.join(outDir, 'summary.json');
  if (existsSync(summary)) {
    const merged = { ...(JSON.parse(readFileSync(summary, 'utf8')) as Record<string, unknown>), [NAME]: record };
    writeFileSync(summary, `${JSON.stringify(merged, null, 2)}\n`);
  }
  log(`bench ${NAME}: wrote ${path.join(outDir, `${NAME}.json`)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench ${NAME}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
