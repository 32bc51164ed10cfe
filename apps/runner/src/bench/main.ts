import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeBenchSummary } from '@ferbench/testkit';
import { loadConfig } from '../config.js';
import { benchmarks } from './benchmarks.js';

/**
 * `npm run bench [name…] [--per-label N]`: runs the benchmarks, prints their tables, writes bench-output/<name>.json
 * and merges each one's headline ratios into bench-output/summary.json.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => void process.stderr.write(`${line}\n`);
  const args = process.argv.slice(2);
  const perLabelAt = args.indexOf('--per-label');
  const perLabel = perLabelAt === -1 ? undefined : Number(args[perLabelAt + 1]);
  if (perLabel !== undefined && !(Number.isInteger(perLabel) && perLabel > 0)) throw new Error(`--per-label: expected a positive integer, got ${args[perLabelAt + 1]}`);
  const wanted = perLabelAt === -1 ? args : args.filter((_, k) => k !== perLabelAt && k !== perLabelAt + 1);
  const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(', ')} (known: ${benchmarks.map((b) => b.name).join(', ')})`);
  const outDir = path.join(config.repoRoot, 'bench-output');
  for (const benchmark of benchmarks.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
    log(`bench ${benchmark.name}: ${benchmark.description}`);
    const result = await benchmark.run({ config, log, perLabel });
    if (result === null) continue;
    console.log(result.report);
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `${benchmark.name}.json`);
    writeFileSync(file, `${JSON.stringify({ benchmark: benchmark.name, at: new Date().toISOString(), ...result.json }, null, 2)}\n`);
    log(`bench ${benchmark.name}: wrote ${file}`);
    if (result.summary !== undefined) log(`bench ${benchmark.name}: merged its ratios into ${mergeBenchSummary(result.summary)}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
