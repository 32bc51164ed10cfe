/**
 * calibrationReport against reference values computed independently (calibration-fixtures/reference.py: plain
 * Python in exact rationals, since numpy/scikit-learn are not available here), to 1e-9. The fixtures include
 * ties in confidence, ties inside a vector, zero probabilities (p_gold = 0, an all-zero vector) and confidences
 * on bin edges and on τ. New fixture files are picked up without new code.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '@ferbench/testkit';
import { assertClose } from '../assert-close.js';
import { calibrationReport } from './calibration-report.js';

export const CALIBRATION_FIXTURES = path.join(repoRoot(), 'packages/shared/calibration-fixtures');

interface Fixture {
  classes: string[];
  items: { p: number[]; gold: string }[];
  bins: number;
  threshold: number;
  expected: Record<string, unknown> & { selective: Record<string, unknown>; reliability: Record<string, unknown>[] };
}

const files = readdirSync(CALIBRATION_FIXTURES).filter((f) => f.endsWith('.json'));

test('there are calibration fixtures to check', () => assert.ok(files.length >= 3, `only ${files.length} in ${CALIBRATION_FIXTURES}`));

for (const file of files) {
  test(`calibrationReport matches the Python reference on ${file}`, () => {
    const f = JSON.parse(readFileSync(path.join(CALIBRATION_FIXTURES, file), 'utf8')) as Fixture;
    const items = f.items.map((it) => ({ p: it.p, gold: f.classes.indexOf(it.gold) }));
    const r = calibrationReport(items, { bins: f.bins, threshold: f.threshold });
    assert.equal(r.n, f.expected.n);
    for (const key of ['accuracy', 'ece', 'mce', 'brier', 'nll', 'aurc'] as const) assertClose(r[key], f.expected[key], key);
    assert.equal(r.selective.threshold, f.expected.selective.threshold);
    assertClose(r.selective.coverage, f.expected.selective.coverage, 'selective.coverage');
    assertClose(r.selective.accuracy, f.expected.selective.accuracy, 'selective.accuracy');
    assert.equal(r.reliability.length, f.expected.reliability.length);
    r.reliability.forEach((bin, m) => {
      const e = f.expected.reliability[m]!;
      assert.equal(bin.n, e.n, `bin ${m + 1} n`);
      assertClose(bin.lower, e.lower, `bin ${m + 1} lower`);
      assertClose(bin.upper, e.upper, `bin ${m + 1} upper`);
      assertClose(bin.confidence, e.confidence, `bin ${m + 1} confidence`);
      assertClose(bin.accuracy, e.accuracy, `bin ${m + 1} accuracy`);
    });
  });
}
