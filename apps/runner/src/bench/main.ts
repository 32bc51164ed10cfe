import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { benchmarks } from './benchmarks.js';

/** `npm run bench [name…]`: runs the benchmarks, prints their tables, writes bench-output/<name>.json. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => void process.stderr.write(`${line}\n`);
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(', ')} (known: ${benchmarks.map((b) => b.name).join(', ')})`);
  const outDir = path.join(config.repoRoot, 'bench-output');
  for (const benchmark of benchmarks.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
    log(`bench ${benchmark.name}: ${benchmark.description}`);
    const result = await benchmark.run({ config, log });
    if (result === null) continue;
    console.log(result.report);
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `${benchmark.name}.json`);
    writeFileSync(file, `${JSON.stringify({ benchmark: benchmark.name, at: new Date().toISOString(), ...result.json }, null, 2)}\n`);
    log(`bench ${benchmark.name}: wrote ${file}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
