/** Black-box tests of the built CLI: `node apps/runner/dist/cli.js calibration …` against the Python reference. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '@ferbench/testkit';

const cli = path.join(__dirname, '..', 'cli.js');
const FIXTURES = path.join(repoRoot(), 'packages/shared/calibration-fixtures');

function ferbench(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, 'calibration', ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every number of `actual` within 1e-9 of `expected`, nulls and key order equal. */
function assertSameJson(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${where}: expected ${expected}, got ${JSON.stringify(actual)}`);
    assert.ok(Math.abs((actual as number) - expected) <= 1e-9, `${where}: expected ${expected}, got ${actual}`);
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${where}: expected an object`);
    assert.deepEqual(Object.keys(actual as object), Object.keys(expected), `${where}: keys`);
    for (const [k, v] of Object.entries(expected)) assertSameJson((actual as Record<string, unknown>)[k], v, `${where}.${k}`);
  } else assert.equal(actual, expected, where);
}

describe('ferbench calibration', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  for (const file of files)
    it(`prints the documented keys with the Python reference's values to 1e-9: ${file}`, () => {
      const fixture = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
      const run = ferbench('--input', path.join(FIXTURES, file), '--json', '--bins', String(fixture.bins), '--threshold', String(fixture.threshold));
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.trim().split('\n');
      assert.equal(lines.length, 1, 'one JSON object on one line');
      const out = JSON.parse(lines[0]!);
      assert.deepEqual(Object.keys(out), ['n', 'accuracy', 'ece', 'mce', 'brier', 'nll', 'aurc', 'selective', 'reliability']);
      assertSameJson(out, fixture.expected, 'output');
    });

  it('defaults to 15 bins and τ = 0.7', () => {
    const file = path.join(FIXTURES, 'hand-ties-zeros-15.json');
    const fixture = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual([fixture.bins, fixture.threshold], [15, 0.7]);
    const out = JSON.parse(ferbench('--input', file, '--json').stdout);
    assert.equal(out.reliability.length, 15);
    assertSameJson(out, fixture.expected, 'output');
  });

  it('refuses a bad file naming the field and what was expected, and bad options', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-calibration-'));
    try {
      const bad = path.join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ classes: ['a', 'b'], items: [{ p: [0.5, 0.5], gold: 'a' }, { p: [0.5], gold: 'a' }, { p: [1.5, 0], gold: 'c' }] }));
      const run = ferbench('--input', bad, '--json');
      assert.equal(run.status, 1);
      assert.match(run.stderr, /items\[1\]\.p: expected an array of 2 probabilities/);
      assert.match(run.stderr, /items\[2\]\.p\[0\]: expected a probability in \[0, 1\], got 1\.5/);
      assert.match(run.stderr, /items\[2\]\.gold: "c" is not one of the classes \(a, b\)/);
      assert.match(ferbench('--input', path.join(dir, 'missing.json')).stderr, /invalid calibration file .*missing\.json:\n.*cannot read it/);
      const good = path.join(FIXTURES, 'hand-ties-zeros.json');
      assert.match(ferbench('--input', good, '--bins', '0').stderr, /--bins.*expected a positive integer, got "0"/);
      assert.match(ferbench('--input', good, '--threshold', '1.2').stderr, /--threshold.*expected a number from 0 to 1, got "1.2"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
