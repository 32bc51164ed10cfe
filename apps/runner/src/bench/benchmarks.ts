import type { Benchmark } from './benchmark.js';
import { runnerBenchmark } from './runner.bench.js';
import { zooBenchmark } from './zoo.bench.js';

/** Every benchmark `npm run bench` knows, run in this order (or only those named on the command line). */
export const benchmarks: Benchmark[] = [runnerBenchmark, zooBenchmark];
