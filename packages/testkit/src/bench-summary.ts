import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo-root.js';

/** bench-output/summary.json: every benchmark's headline ratios and the absolute figures behind them. */
export function benchSummaryFile(): string {
  return path.join(repoRoot(), 'bench-output', 'summary.json');
}

/**
 * Merges `entries` into bench-output/summary.json (keys another benchmark wrote stay), so the runner's and the
 * API's benchmarks, run as separate processes by `npm run bench`, end up in one file. Returns the file.
 */
export function mergeBenchSummary(entries: Record<string, unknown>, file: string = benchSummaryFile()): string {
  let summary: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      summary = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      summary = {}; // a half-written or hand-edited file is replaced rather than failing the benchmark
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...summary, ...entries, updatedAt: new Date().toISOString() }, null, 2)}\n`);
  return file;
}
