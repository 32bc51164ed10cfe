/** Undefined cases return null with a reason (never NaN), and ratings matrices are validated. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cohenKappa } from './cohen-kappa.js';
import { gwetAc1 } from './gwet-ac1.js';
import { itemAgreement } from './item-agreement.js';
import { krippendorffAlpha } from './krippendorff-alpha.js';
import { percentAgreement } from './percent-agreement.js';
import { randolphKappa } from './randolph-kappa.js';
import { countTableFromRatings } from './ratings-matrix.js';
import type { Stat } from './stat-result.js';

const categories = ['yes', 'no'];

function assertUndefined(stat: Stat, reason: RegExp): void {
  assert.equal(stat.value, null);
  assert.match(stat.value === null ? stat.reason : '', reason);
}

describe('undefined statistics', () => {
  const oneCategory = { categories, rows: [[3, 0], [3, 0], [2, 0]] };
  const noPairs = { categories, rows: [[1, 0], [0, 1], [0, 0]] };

  it('Krippendorff α: one category, no pairable values', () => {
    assertUndefined(krippendorffAlpha(oneCategory), /D_e is 0/);
    assertUndefined(krippendorffAlpha(noPairs), /no unit has 2 or more ratings/);
  });

  it('Gwet AC1: no items, no pairs, q observed = 1; SE null for a single item', () => {
    assertUndefined(gwetAc1({ categories, rows: [] }), /no item has a rating/);
    assertUndefined(gwetAc1(noPairs), /no item has 2 or more ratings/);
    assertUndefined(gwetAc1(oneCategory, { categories: 'observed' }), /q = 1/);
    const single = gwetAc1({ categories, rows: [[2, 1]] });
    assert.ok(single.value !== null && single.se === null);
  });

  it('Randolph κ and percent agreement: no complete items, one rater, q = 1', () => {
    assertUndefined(randolphKappa({ categories: ['only'], rows: [[3]] }), /q = 1/);
    assertUndefined(randolphKappa({ categories, rows: [[1, 1]] }, { raters: 3 }), /every item has a missing rating/);
    assertUndefined(percentAgreement({ categories, rows: [[1, 0], [0, 1]] }), /at least 2 raters/);
    assertUndefined(percentAgreement({ categories, rows: [] }), /no items/);
  });

  it('Cohen κ: no shared items, one shared category; z null when se0 is 0', () => {
    assertUndefined(cohenKappa([[0, 0], [0, 0]]), /no items rated by both/);
    assertUndefined(cohenKappa([[5, 0], [0, 0]]), /chance agreement is 1/);
    assert.throws(() => cohenKappa([[1, 2]]), /row 0 has 2 counts, expected 1/);
    // The first rater always says "yes": κ = 0 and its variance under H0 is 0, so z = 0/0.
    const constant = cohenKappa([[2, 3], [0, 0]]);
    assert.ok(constant.value !== null);
    assert.ok(Math.abs(constant.value) < 1e-15);
    assert.deepEqual([constant.seNull, constant.z, constant.p], [null, null, null]);
  });

  it('per item: no ratings, one rating, a tie', () => {
    assert.deepEqual(itemAgreement(categories, [0, 0]), { ratings: 0, majority: null, tied: false, tiedLabels: [], entropyBits: null, pI: null });
    assert.deepEqual(itemAgreement(categories, [0, 1]), { ratings: 1, majority: 'no', tied: false, tiedLabels: [], entropyBits: 0, pI: null });
    assert.deepEqual(itemAgreement(['a', 'b', 'c'], [0, 2, 2]), { ratings: 4, majority: 'b', tied: true, tiedLabels: ['b', 'c'], entropyBits: 1, pI: 1 / 3 });
  });

  it('nothing returns NaN or Infinity', () => {
    const tables = [oneCategory, noPairs, { categories, rows: [] }];
    const results = tables.flatMap((t) => [krippendorffAlpha(t), gwetAc1(t), randolphKappa(t), percentAgreement(t)]);
    const numbers = JSON.stringify(results, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? 'NON-FINITE' : v));
    assert.doesNotMatch(numbers, /NON-FINITE/);
  });
});

describe('countTableFromRatings', () => {
  it('counts non-null ratings per category', () => {
    const t = countTableFromRatings(['a', 'b'], 3, [['a', null, 'a'], ['b', 'a', 'b']]);
    assert.deepEqual([...t.rows].map((r) => Array.from(r)), [[2, 0], [1, 2]]);
  });

  it('names the item and rater of an unknown label, and a wrong row length', () => {
    assert.throws(() => countTableFromRatings(['a', 'b'], 2, [['a', 'c']]), /item 0, rater 1: label "c" is not one of the categories \(a, b\)/);
    assert.throws(() => countTableFromRatings(['a', 'b'], 2, [['a']]), /item 0 has 1 ratings, expected one per rater \(2\)/);
    assert.throws(() => countTableFromRatings(['a', 'a'], 1, [['a']]), /declared twice/);
  });
});
