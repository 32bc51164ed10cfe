import type { RunnerConfig } from '../config.js';

export interface BenchmarkContext {
  config: RunnerConfig;
  log: (line: string) => void;
}

export interface BenchmarkResult {
  /** What to print: a table of the numbers. */
  report: string;
  /** The numbers, written to bench-output/<name>.json. */
  json: Record<string, unknown>;
}

/** One benchmark of `npm run bench`: returns null (after saying why) when its data is absent. */
export interface Benchmark {
  name: string;
  description: string;
  run(context: BenchmarkContext): Promise<BenchmarkResult | null>;
}
