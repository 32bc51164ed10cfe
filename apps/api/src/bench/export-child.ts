import { exportResults, streamPredictionsOnly } from '@ferbench/exports';
import pg from 'pg';

/**
 * One measured export in a process of its own, so that its peak RSS is the export's alone:
 * `node export-child.js <databaseUrl> <outDir> <csv|parquet|read>` prints {seconds, rows, maxRssMiB} as JSON.
 * "read" is the baseline: the predictions query through the same cursor, with nothing written.
 */
async function main(): Promise<void> {
  const [url, outDir, mode] = process.argv.slice(2) as [string, string, 'csv' | 'parquet' | 'read'];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const started = performance.now();
    let rows: number;
    if (mode === 'read') rows = await streamPredictionsOnly(pool, ['synthetic'], 'all');
    else {
      const { manifest } = await exportResults(pool, { datasets: ['synthetic'], models: 'all', formats: [mode], outDir, bootstrap: { resamples: 0, seed: 1 } });
      rows = manifest.content.files.find((f) => f.table === 'predictions')!.rows;
    }
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${JSON.stringify({ seconds, rows, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
