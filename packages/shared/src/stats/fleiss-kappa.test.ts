import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from './assert-close.js';
import { fleissKappa, fleissKappaPerCategory } from './fleiss-kappa.js';

const categories = ['x', 'y', 'z'];
// 4 items × 3 raters, by hand: P_i = 1, 1/3, 1/3, 1 → P̄ = 2/3; p = (4/12, 6/12, 2/12) → P_e = 56/144.
const rows = [
  [3, 0, 0],
  [1, 2, 0],
  [0, 1, 2],
  [0, 3, 0],
];
const expectedKappa = (2 / 3 - 56 / 144) / (1 - 56 / 144);

describe('fleissKappa', () => {
  it('matches the hand-computed value', () => {
    assertClose(fleissKappa({ categories, rows }).value, expectedKappa, 'κ');
  });

  it('walks a one-shot stream once and infers m from the rows', () => {
    function* stream() {
      yield* rows;
    }
    const k = fleissKappa({ categories, rows: stream() });
    assertClose(k.value, expectedKappa, 'κ');
    assert.equal(k.value !== null && k.raters, 3);
  });

  it('drops items with a missing rating, as irr does', () => {
    const k = fleissKappa({ categories, rows: [...rows, [1, 1, 0], [0, 0, 1]] });
    assertClose(k.value, expectedKappa, 'κ');
    assert.ok(k.value !== null && k.items === 4 && k.itemsDropped === 2);
    assert.throws(() => fleissKappa({ categories, rows }, { raters: 2 }), /3 ratings but there are only 2 raters/);
  });

  it('rejects malformed count rows', () => {
    assert.throws(() => fleissKappa({ categories, rows: [[1, 2]] }), /row 0 has 2 counts, expected 3/);
    assert.throws(() => fleissKappa({ categories, rows: [[1, -1, 0]] }), /category "y": -1/);
    assert.throws(() => fleissKappa({ categories, rows: [[1, 0.5, 0]] }), /0.5 is not a non-negative integer/);
  });

  const undefinedCases: [string, Parameters<typeof fleissKappa>, RegExp][] = [
    ['no items', [{ categories, rows: [] }], /no items/],
    ['every item incomplete', [{ categories, rows: [[1, 1, 0]] }, { raters: 3 }], /every item has a missing rating/],
    ['one rater', [{ categories, rows: [[1, 0, 0], [0, 1, 0]] }], /at least 2 raters/],
    ['one category', [{ categories, rows: [[3, 0, 0], [3, 0, 0]] }], /only one category/],
  ];
  for (const [name, args, reason] of undefinedCases)
    it(`is null with a reason: ${name}`, () => {
      const k = fleissKappa(...args);
      assert.equal(k.value, null);
      assert.match(k.value === null ? k.reason : '', reason);
      for (const c of fleissKappaPerCategory(...args)) assert.equal(c.value, null);
    });
});
