import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from './repo-root.js';

const root = repoRoot();
const DEPCRUISE = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** A miniature workspace laid out like ours, each file given as path → source. */
type Tree = Record<string, string>;

/** The files every scenario shares: a package at the bottom, one above it, and two apps. */
const BASE: Tree = {
  'packages/shared/src/index.ts': "export const EMOTIONS = ['neutral'];\n",
  'packages/runs/src/index.ts': "import { EMOTIONS } from '@ferbench/shared';\nexport const run = EMOTIONS;\n",
  'apps/runner/src/cli.ts': "import { run } from '@ferbench/runs';\nexport const cli = run;\n",
  'apps/api/src/main.ts': "import { run } from '@ferbench/runs';\nexport const api = run;\n",
};

/** Runs the project's own .dependency-cruiser.cjs over the tree; returns the exit code and what it printed. */
async function cruise(tree: Tree): Promise<{ code: number; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-depcruise-'));
  try {
    for (const [file, source] of Object.entries({ ...BASE, ...tree })) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), source);
    }
    for (const file of ['tsconfig.base.json', 'tsconfig.depcruise.json']) copyFileSync(path.join(root, file), path.join(dir, file));
    const args = [DEPCRUISE, '--config', path.join(root, '.dependency-cruiser.cjs'), 'packages', 'apps'];
    return await promisify(execFile)(process.execPath, args, { cwd: dir }).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the layout as it should be passes the rules', async () => {
  const { code, output } = await cruise({});
  assert.equal(code, 0, output);
  assert.match(output, /no dependency violations found \(4 modules/);
});

const forbidden: { what: string; tree: Tree; rule: string }[] = [
  { what: 'an app importing another app by package name', tree: { 'apps/api/src/photo.ts': "import { cli } from '@ferbench/runner';\nexport const x = cli;\n" }, rule: 'no-app-imports-app' },
  { what: 'an app importing another app by path', tree: { 'apps/api/src/photo.ts': "import { cli } from '../../runner/src/cli.js';\nexport const x = cli;\n" }, rule: 'no-app-imports-app' },
  { what: 'a package importing an app', tree: { 'packages/runs/src/cli-use.ts': "import { cli } from '@ferbench/runner';\nexport const x = cli;\n" }, rule: 'no-package-imports-app' },
  { what: 'shared importing another package of ours', tree: { 'packages/shared/src/runs.ts': "import { run } from '@ferbench/runs';\nexport const x = run;\n" }, rule: 'shared-imports-nothing-of-ours' },
  {
    what: 'two packages importing each other through modules that form no cycle themselves',
    tree: {
      'packages/jobs/src/index.ts': "export const job = 1;\n",
      'packages/jobs/src/worker/worker.ts': "import { run } from '@ferbench/runs';\nexport const w = run;\n",
      'packages/runs/src/queue.ts': "import { job } from '@ferbench/jobs';\nexport const q = job;\n",
    },
    rule: 'no-package-cycle',
  },
  { what: 'a cycle of modules', tree: { 'packages/runs/src/a.ts': "import { b } from './b.js';\nexport const a = b;\n", 'packages/runs/src/b.ts': "import { a } from './a.js';\nexport const b = a;\n" }, rule: 'no-circular' },
  { what: 'an app importing the dashboard by package name', tree: { 'apps/api/src/page.ts': "import { Page } from '@ferbench/web';\nexport const x = Page;\n" }, rule: 'no-app-package-name' },
  { what: 'a workspace import that is no package', tree: { 'packages/runs/src/x.ts': "import { y } from '@ferbench/nowhere';\nexport const x = y;\n" }, rule: 'no-unresolved-workspace-import' },
];

for (const { what, tree, rule } of forbidden)
  test(`a forbidden import is caught: ${what} (${rule})`, async () => {
    const { code, output } = await cruise(tree);
    assert.notEqual(code, 0, `dependency-cruiser passed:\n${output}`);
    assert.match(output, new RegExp(`error ${rule}:`));
  });
