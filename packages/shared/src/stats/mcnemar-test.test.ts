import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from './assert-close.js';
import { mcnemarFromPredictions, mcnemarTest } from './mcnemar-test.js';

describe('mcnemarTest', () => {
  it('exact binomial for few discordant pairs: b = 3, c = 10', () => {
    // 2·P(X ≤ 3), X ~ Bin(13, ½) = 2·(1 + 13 + 78 + 286)/2¹³ = 756/8192.
    const r = mcnemarTest(3, 10);
    assert.equal(r.method, 'exact-binomial');
    assert.equal(r.statistic, 3);
    assertClose(r.p, 756 / 8192, 'p');
    assert.deepEqual([r.b, r.c], [3, 10]);
  });

  it('chi-square with continuity correction from 25 discordant pairs: b = 10, c = 30', () => {
    // (|10 − 30| − 1)²/40 = 9.025; p = erfc(√(9.025/2)) from Python's math.erfc.
    const r = mcnemarTest(10, 30);
    assert.equal(r.method, 'chi-square-continuity');
    assertClose(r.statistic, 9.025, 'statistic');
    assertClose(r.p, 0.002663119259138554, 'p');
  });

  it('caps p at 1 and gives p = 1 with no discordant pair', () => {
    assert.equal(mcnemarTest(4, 4).p, 1);
    assert.deepEqual(mcnemarTest(0, 0), { method: 'exact-binomial', statistic: 0, p: 1, b: 0, c: 0 });
    assert.equal(mcnemarTest(3, 10, { exactBelow: 0 }).method, 'chi-square-continuity');
    assert.throws(() => mcnemarTest(-1, 2), /b must be a non-negative integer/);
  });

  it('counts discordant pairs from predictions, skipping items without gold or a prediction', () => {
    const gold = ['a', 'a', 'b', 'b', 'a', null, 'b'];
    const first = ['a', 'a', 'a', 'b', 'b', 'a', null];
    const second = ['a', 'b', 'b', 'a', 'b', 'b', 'b'];
    const r = mcnemarFromPredictions(['a', 'b'], gold, first, second);
    assert.deepEqual([r.n, r.b, r.c], [5, 2, 1]);
    assertClose(r.p, 1, 'p');
  });
});
