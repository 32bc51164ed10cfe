/** Black-box tests of the built CLI: `node apps/runner/dist/cli.js agreement …`. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixture } from '@ferbench/testkit';

const cli = path.join(__dirname, '..', 'cli.js');

function ferbench(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function agreementJson(...args: string[]): Record<string, any> {
  const run = ferbench('agreement', ...args, '--json');
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 1, 'one JSON object on one line');
  return JSON.parse(lines[0]!) as Record<string, any>;
}

const KEYS = ['fleiss_kappa', 'fleiss_per_category', 'randolph_kappa', 'cohen_kappa', 'krippendorff_alpha', 'gwet_ac1', 'percent_agreement', 'items'];

describe('ferbench agreement', () => {
  it('prints the statistics of a fixture with the documented keys and reference values', (t) => {
    const file = fixture(t, 'stats', 'fer9_synthetic_missing10.json');
    if (file === undefined) return;
    const reference = JSON.parse(readFileSync(file, 'utf8'));
    const expected = reference.expected;
    const out = agreementJson('--ratings', file);
    assert.deepEqual(Object.keys(out), KEYS);
    assert.deepEqual(Object.keys(out.fleiss_kappa), ['value', 'se', 'z', 'p']);
    assert.ok(Math.abs(out.fleiss_kappa.value - expected.fleiss_kappa.value) <= 1e-9);
    assert.ok(Math.abs(out.fleiss_kappa.se - expected.fleiss_kappa.irr_se) <= 1e-9);
    assert.ok(Math.abs(out.krippendorff_alpha.value - expected.krippendorff_alpha_nominal.value) <= 1e-9);
    assert.ok(Math.abs(out.gwet_ac1.value - expected.gwet_ac1.value) <= 1e-9);
    assert.ok(Math.abs(out.percent_agreement.percent - expected.percent_agreement.value) <= 1e-9);
    assert.deepEqual(Object.keys(out.fleiss_per_category), reference.categories);
    const [a, b] = reference.raters as string[];
    assert.deepEqual(Object.keys(out.cohen_kappa[a!][b!]), ['value', 'se', 'ci_low', 'ci_high']);
    assert.ok(Math.abs(out.cohen_kappa[a!][b!].ci_low - expected.cohen_kappa[a!][b!].kappa_low) <= 1e-9);
    assert.deepEqual(out.cohen_kappa[b!][a!], out.cohen_kappa[a!][b!]);
    assert.equal(out.cohen_kappa[a!][a!], undefined, 'no diagonal');
    assert.equal(out.items.length, reference.ratings.length);
    assert.equal(out.items[0].majority, expected.per_item[0].majority);
    assert.ok(Math.abs(out.items[0].entropy_bits - expected.per_item[0].entropy_bits) <= 1e-9);
  });

  it('adds reproducible bootstrap CIs with --bootstrap and --seed', (t) => {
    const file = fixture(t, 'stats', 'irr_diagnoses.json');
    if (file === undefined) return;
    const first = agreementJson('--ratings', file, '--bootstrap', '50', '--seed', '3');
    assert.deepEqual(Object.keys(first), [...KEYS, 'ci']);
    assert.deepEqual(Object.keys(first.ci), ['fleiss_kappa', 'randolph_kappa', 'krippendorff_alpha', 'gwet_ac1', 'percent_agreement']);
    const ci = first.ci.fleiss_kappa;
    assert.deepEqual([ci.level, ci.resamples, ci.seed], [0.95, 50, 3]);
    assert.ok(ci.low < first.fleiss_kappa.value && first.fleiss_kappa.value < ci.high, `${ci.low} < ${first.fleiss_kappa.value} < ${ci.high}`);
    assert.deepEqual(agreementJson('--ratings', file, '--bootstrap', '50', '--seed', '3'), first);
    assert.notDeepEqual(agreementJson('--ratings', file, '--bootstrap', '50', '--seed', '4').ci, first.ci);
  });

  it('reports an undefined statistic as null with a reason', (t) => {
    const file = fixture(t, 'stats', 'edge_single_category.json');
    if (file === undefined) return;
    const out = agreementJson('--ratings', file);
    assert.equal(out.fleiss_kappa.value, null);
    assert.match(out.fleiss_kappa.reason, /only one category/);
    assert.equal(out.krippendorff_alpha.value, null);
    assert.equal(out.gwet_ac1.value, 1);
  });

  it('names the file, the field and what was expected when the input is bad', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-agreement-'));
    try {
      const file = path.join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ categories: ['a', 'b'], raters: ['x', 'y'], ratings: [['a', 'c'], ['a']] }));
      const run = ferbench('agreement', '--ratings', file, '--json');
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, new RegExp(`invalid ratings file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.match(run.stderr, /ratings\[0\]\[1\]: "c" is not null or one of the categories \(a, b\)/);
      assert.match(run.stderr, /ratings\[1\]: expected an array of 2 labels or nulls/);
      writeFileSync(file, '{ not json');
      assert.match(ferbench('agreement', '--ratings', file).stderr, /not valid JSON/);
      assert.match(ferbench('agreement', '--ratings', path.join(dir, 'missing.json')).stderr, /cannot read it/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
