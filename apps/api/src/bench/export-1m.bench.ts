import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase } from '@ferbench/testkit';
import pg from 'pg';
import { insertSyntheticBenchmark } from './synthetic-predictions.js';

export interface ExportBenchOptions {
  faces: number;
  raters: number;
  log: (line: string) => void;
}

export interface ExportRun {
  seconds: number;
  rows: number;
  maxRssMiB: number;
}

const MODES = ['read', 'csv', 'parquet'] as const;

/** One export in its own process (export-child.js): its time, rows and peak RSS. */
async function runChild(url: string, outDir: string, mode: (typeof MODES)[number]): Promise<ExportRun> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, 'export-child.js'), url, outDir, mode], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as ExportRun;
}

/**
 * `ferbench export` at scale: the agreement benchmark's synthetic set (`faces` × `raters` predictions, generated in
 * Postgres) exported as CSV and as Parquet, each in a fresh process so that its peak RSS is the export's own; the
 * baseline is the same predictions streamed through the same cursor and written nowhere, in the same run.
 */
export async function runExportBenchmark(options: ExportBenchOptions) {
  const { faces, raters, log } = options;
  const db = await createTestDatabase('bench_export');
  const client = new pg.Client({ connectionString: db.url });
  const out = mkdtempSync(path.join(tmpdir(), 'ferbench-bench-export-'));
  try {
    await client.connect();
    log(`bench export: inserting ${faces.toLocaleString('en-US')} faces × ${raters} models…`);
    const data = await insertSyntheticBenchmark(client, { faces, raters, seed: 20251128 });
    await client.end();
    const runs: Partial<Record<(typeof MODES)[number], ExportRun>> = {};
    for (const mode of MODES) {
      const run = await runChild(db.url, path.join(out, mode), mode);
      runs[mode] = run;
      log(`bench export: ${mode}: ${run.rows.toLocaleString('en-US')} prediction rows in ${run.seconds.toFixed(1)} s, peak RSS ${Math.round(run.maxRssMiB)} MiB`);
    }
    const rate = (r: ExportRun) => r.rows / r.seconds;
    const read = runs.read!;
    return {
      faces,
      raters,
      predictionRows: data.predictionRows,
      cpus: availableParallelism(),
      baseline: { ...read, rowsPerSecond: rate(read) },
      csv: { ...runs.csv!, rowsPerSecond: rate(runs.csv!), ratioToBaseline: rate(runs.csv!) / rate(read) },
      parquet: { ...runs.parquet!, rowsPerSecond: rate(runs.parquet!), ratioToBaseline: rate(runs.parquet!) / rate(read) },
    };
  } finally {
    await client.end().catch(() => {});
    await db.drop();
    rmSync(out, { recursive: true, force: true });
  }
}

export type ExportBenchResult = Awaited<ReturnType<typeof runExportBenchmark>>;

/** The table `npm run bench` prints. */
export function formatExportBench(r: ExportBenchResult): string {
  const row = (label: string, run: ExportRun & { rowsPerSecond: number; ratioToBaseline?: number }) =>
    `  ${label.padEnd(34)} ${run.seconds.toFixed(1).padStart(7)} s  ${Math.round(run.rowsPerSecond).toLocaleString('en-US').padStart(9)} rows/s  peak RSS ${String(Math.round(run.maxRssMiB)).padStart(4)} MiB` +
    (run.ratioToBaseline === undefined ? '' : `  ×${run.ratioToBaseline.toFixed(2)} of baseline`);
  return [
    `export at scale: ${r.raters} models × ${r.faces.toLocaleString('en-US')} faces = ${r.predictionRows.toLocaleString('en-US')} prediction rows, ${r.cpus} CPU(s); each in its own process`,
    row('baseline: stream predictions only', r.baseline),
    row('ferbench export --format csv', r.csv),
    row('ferbench export --format parquet', r.parquet),
    '  (an export also writes the images, models, leaderboard and agreement tables; rows/s counts prediction rows over the whole export)',
  ].join('\n');
}
