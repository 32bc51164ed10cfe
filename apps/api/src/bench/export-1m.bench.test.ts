/** The export benchmark at a size a test can afford: `npm run bench` runs the same code at 1,000,000 faces. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatExportBench, runExportBenchmark } from './export-1m.bench.js';

test('export bench: every mode streams every synthetic prediction, in its own process, and the table reports them', async () => {
  const result = await runExportBenchmark({ faces: 300, raters: 10, log: () => {} });
  assert.ok(result.predictionRows > 2900 && result.predictionRows < 3000, `${result.predictionRows}: about 0.5 % of 3000 ratings missing`);
  for (const run of [result.baseline, result.csv, result.parquet]) {
    assert.equal(run.rows, result.predictionRows);
    assert.ok(run.maxRssMiB > 20 && run.maxRssMiB < 1024, `peak RSS ${run.maxRssMiB} MiB is a child's, not this process's`);
  }
  assert.equal(result.csv.ratioToBaseline, result.csv.rowsPerSecond / result.baseline.rowsPerSecond);
  assert.match(formatExportBench(result), /ferbench export --format parquet .* rows\/s {2}peak RSS/);
});
