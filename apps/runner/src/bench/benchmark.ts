import type { RunnerConfig } from '../config.js';

export interface BenchmarkContext {
  config: RunnerConfig;
  log: (line: string) => void;
  /** `--per-label N`: a benchmark over a dataset's images may use only N faces per emotion (a quick look). */
  perLabel?: number | undefined;
}

export interface BenchmarkResult {
  /** What to print: a table of the numbers. */
  report: string;
  /** The numbers, written to bench-output/<name>.json. */
  json: Record<string, unknown>;
  /** Headline ratios and their absolute figures, merged into bench-output/summary.json. */
  summary?: Record<string, unknown>;
}

/** One benchmark of `npm run bench`: returns null (after saying why) when its data is absent. */
export interface Benchmark {
  name: string;
  description: string;
  run(context: BenchmarkContext): Promise<BenchmarkResult | null>;
}
