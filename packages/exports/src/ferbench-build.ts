import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface FerbenchBuild {
  version: string;
  /** The git commit of the checkout that wrote the export; null outside a git checkout. */
  commit: string | null;
}

let cached: FerbenchBuild | undefined;

/** ferbench's version (this package's) and the commit of the checkout it runs from, read once. */
export function ferbenchBuild(): FerbenchBuild {
  if (cached) return cached;
  const root = path.join(__dirname, '..');
  const { version } = require(path.join(root, 'package.json')) as { version: string };
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    commit = null;
  }
  cached = { version, commit };
  return cached;
}
