import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo-root.js';

/** The read-only fixtures folder: FERBENCH_FIXTURES, else `../shared` beside the repository. */
export function fixturesDir(): string {
  return path.resolve(process.env.FERBENCH_FIXTURES ?? path.join(repoRoot(), '..', 'shared'));
}

interface Skippable {
  skip(message?: string): void;
}

/**
 * The absolute path of a fixture, or undefined after skipping the test loudly when it is absent: tests that
 * need real data never pass silently without it.
 */
export function fixture(t: Skippable, ...parts: string[]): string | undefined {
  const p = path.join(fixturesDir(), ...parts);
  if (existsSync(p)) return p;
  const message = `SKIPPED: fixture ${p} is absent (set FERBENCH_FIXTURES to the shared data folder)`;
  console.warn(message);
  t.skip(message);
  return undefined;
}
