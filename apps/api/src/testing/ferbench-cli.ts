import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** The runner's built CLI (apps/runner/dist/cli.js), as a user would run it. */
const CLI = path.join(path.dirname(require.resolve('@ferbench/runner/package.json')), 'dist', 'cli.js');

/** `ferbench agreement --ratings <file> --json [args…]`, parsed; a failing run fails with its stderr. */
export async function ferbenchAgreementJson(file: string, ...args: string[]): Promise<Record<string, any>> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'agreement', '--ratings', file, '--json', ...args], { maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as Record<string, any>;
}
