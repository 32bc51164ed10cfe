import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  increment(n: number): void;
  stop(): void;
}

/** A progress bar on stderr when a person is watching (a TTY); nothing otherwise, so logs stay clean. */
export function createProgress(label: string, total: number, enabled: boolean = process.stderr.isTTY === true): Progress {
  if (!enabled || total === 0) return { increment: () => {}, stop: () => {} };
  const bar = new SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} faces | {speed} faces/s | eta {eta_formatted}`, hideCursor: true },
    Presets.shades_classic,
  );
  const started = performance.now();
  let done = 0;
  bar.start(total, 0, { speed: 0 });
  return {
    increment(n) {
      done += n;
      bar.update(done, { speed: Math.round(done / ((performance.now() - started) / 1000)) });
    },
    stop: () => bar.stop(),
  };
}
