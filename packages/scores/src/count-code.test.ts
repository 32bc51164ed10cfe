import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_CODED_RATERS, decodeVotes, voteTerms } from './count-code.js';

/** What SQL computes: the sum of one term per vote. */
const encode = (votes: number[], raters: number) => votes.reduce((code, k) => code + BigInt(voteTerms(raters)[k]!), 0n);

test('a vote code decodes to the votes summed into it, for any split of up to `raters` votes', () => {
  for (const raters of [2, 10, 37, MAX_CODED_RATERS]) {
    const cases = [[], [0], [7], Array(raters).fill(7), Array(raters).fill(0), [1, 1, 3, 7, 7, 0].slice(0, raters)];
    for (const votes of cases) {
      const expected = Array<number>(8).fill(0);
      for (const k of votes) expected[k]!++;
      assert.deepEqual(decodeVotes(encode(votes, raters).toString(), raters), expected, `${raters} raters: ${votes.join(',')}`);
    }
  }
});

test('the largest term fits a bigint at the most raters allowed; more are refused, as are codes too large', () => {
  assert.ok(BigInt(voteTerms(MAX_CODED_RATERS)[7]!) < 2n ** 63n);
  assert.throws(() => voteTerms(MAX_CODED_RATERS + 1), /0 to 500 raters/);
  assert.equal(voteTerms(0).length, 8, 'no models: no votes to code, and no error');
  assert.throws(() => decodeVotes((11n ** 8n).toString(), 10), /not a vote code/);
});
