import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Merges `entries` into bench-output/summary.json (other benchmarks write other keys there), keeping theirs. */
export function mergeSummary(outDir: string, entries: Record<string, unknown>): string {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'summary.json');
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...current, ...entries }, null, 2)}\n`);
  return file;
}
