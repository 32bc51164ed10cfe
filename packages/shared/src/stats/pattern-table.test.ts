/**
 * A pattern table (distinct count rows with multiplicities, as SQL's GROUP BY returns them) gives every statistic
 * the one-row-per-item table gives, to 1e-12: on every reference fixture and on random tables with missing ratings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, test } from 'node:test';
import { fixture } from '@ferbench/testkit';
import type { CountArrays } from './count-table.js';
import { fleissKappa } from './fleiss-kappa.js';
import { krippendorffAlpha } from './krippendorff-alpha.js';
import { countTableFromRatings } from './ratings-matrix.js';
import { patternTable } from './row-patterns.js';
import { mulberry32 } from './seeded-random.js';
import { tableAgreement } from './table-agreement.js';

/** Every number in `actual` within 1e-12 of the same field of `expected`; everything else equal. */
function assertSameNumbers(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    assert.ok(Math.abs(actual - expected) <= 1e-12, `${where}: ${actual} vs ${expected}`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${where}: ${JSON.stringify(actual)} is not an object`);
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${where}: fields`);
    for (const [key, value] of Object.entries(expected)) assertSameNumbers((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
    return;
  }
  assert.equal(actual, expected, where);
}

function assertPatternsAgree(table: CountArrays, raters: number, what: string): void {
  const patterns = patternTable(table);
  assert.ok(patterns.patterns.length <= table.rows.length);
  assert.equal(patterns.patterns.reduce((a, p) => a + p.weight, 0), table.rows.length, `${what}: weights add up to the items`);
  assertSameNumbers(tableAgreement(patterns, raters), tableAgreement(table, raters), what);
}

/** Items × raters labels with a share of missing ratings, leaning to one category (as "happiness" does). */
function randomTable(seed: number, items: number, raters: number, categories: string[], missing: number): CountArrays {
  const random = mulberry32(seed);
  const ratings = Array.from({ length: items }, () => {
    const truth = random() < 0.5 ? 0 : Math.floor(random() * categories.length);
    return Array.from({ length: raters }, () => (random() < missing ? null : categories[random() < 0.6 ? truth : Math.floor(random() * categories.length)]!));
  });
  return countTableFromRatings(categories, raters, ratings);
}

describe('pattern tables', () => {
  it('give the per-item results on random tables with and without missing ratings', () => {
    for (const [seed, missing] of [[1, 0], [2, 0.1], [3, 0.4]] as const)
      assertPatternsAgree(randomTable(seed, 400, 5, ['a', 'b', 'c', 'd'], missing), 5, `seed ${seed}, missing ${missing}`);
  });

  it('accept weight-0 patterns (a resample leaves them out) and repeated patterns', () => {
    const categories = ['a', 'b'];
    const rows = [[2, 1], [3, 0], [2, 1], [1, 1], [0, 3]];
    const patterns = { categories, patterns: [{ counts: [2, 1], weight: 2 }, { counts: [3, 0], weight: 1 }, { counts: [0, 0], weight: 0 }, { counts: [1, 1], weight: 1 }, { counts: [0, 3], weight: 1 }] };
    assertSameNumbers(tableAgreement(patterns, 3), tableAgreement({ categories, rows }, 3), 'table');
    const split = { categories, patterns: [[2, 1], [3, 0], [1, 1], [0, 3], [2, 1]].map((counts) => ({ counts, weight: 1 })) };
    assertSameNumbers(krippendorffAlpha(split), krippendorffAlpha({ categories, rows }), 'α with a pattern split in two');
  });

  it('reject a weight that is not a non-negative integer, and a bad count row', () => {
    const categories = ['a', 'b'];
    assert.throws(() => fleissKappa({ categories, patterns: [{ counts: [1, 1], weight: 1.5 }] }), /pattern 0: weight 1.5 is not a non-negative integer/);
    assert.throws(() => fleissKappa({ categories, patterns: [{ counts: [1, 1], weight: -1 }] }), /weight -1/);
    assert.throws(() => krippendorffAlpha({ categories, patterns: [{ counts: [1], weight: 1 }] }), /pattern 0 has 1 counts, expected 2/);
  });
});

test('pattern tables give the per-item results on every reference fixture', async (t) => {
  const dir = fixture(t, 'stats');
  if (dir === undefined) return;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length > 0);
  for (const file of files) {
    const fx = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { categories: string[]; raters: string[]; ratings: (string | null)[][] };
    assertPatternsAgree(countTableFromRatings(fx.categories, fx.raters.length, fx.ratings), fx.raters.length, file);
  }
});
