import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@ferbench/testkit';
import { formatLoadBench, runLoadBenchmark } from './load.bench.js';
import { mergeSummary } from './summary-file.js';

const NAME = 'load';

/**
 * `npm run bench`'s load benchmark: 16 clients against the API and the dashboard on localhost, bounded (7 targets ×
 * 2 passes × `--seconds`, default 5). `--faces` sets the synthetic dataset's size (default 7,178: FER2013 test).
 */
async function main(): Promise<void> {
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: expected a positive number, got ${process.argv[at + 1]}`);
    return value;
  };
  const log = (line: string) => void process.stderr.write(`${line}\n`);
  const result = await runLoadBenchmark({ faces: arg('--faces', 7178), raters: 8, clients: 16, seconds: arg('--seconds', 5), bootstrapClients: 2, log });
  console.log(formatLoadBench(result));
  const outDir = path.join(repoRoot(), 'bench-output');
  const file = path.join(outDir, `${NAME}.json`);
  const summary = mergeSummary(outDir, {
    leaderboardLoadVsHealthz: result.leaderboardLoadVsHealthz,
    dashboardLoadVsStatic: result.dashboardLoadVsStatic,
    load: { setup: result.setup, alone: result.alone, besideBootstrap: result.besideBootstrap },
  });
  writeFileSync(file, `${JSON.stringify({ benchmark: NAME, at: new Date().toISOString(), ...result }, null, 2)}\n`);
  log(`bench ${NAME}: wrote ${file} and ${summary}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench ${NAME}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
