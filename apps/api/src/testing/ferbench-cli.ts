import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@ferbench/testkit';

/**
 * The built `ferbench` CLI, run as a user would run it: a process, not an import (apps never import apps), so the
 * suite builds it first (npm test builds every workspace).
 */
const CLI = path.join(repoRoot(), 'apps', 'runner', 'dist', 'cli.js');

/** `ferbench agreement --ratings <file> --json [args…]`, parsed; a failing run fails with its stderr. */
export async function ferbenchAgreementJson(file: string, ...args: string[]): Promise<Record<string, any>> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'agreement', '--ratings', file, '--json', ...args], { maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as Record<string, any>;
}
