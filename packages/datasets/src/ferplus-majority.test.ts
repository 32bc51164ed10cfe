import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FERPLUS_NO_MAJORITY, ferplusMajority } from './ferplus-majority.js';

// Columns: neutral, happiness, surprise, sadness, anger, disgust, fear, contempt, unknown, NF.
test('FER+ majority: votes of 1 are dropped, the winner needs more than half of the rest', () => {
  assert.equal(ferplusMajority([0, 0, 0, 0, 2, 1, 0, 7, 0, 0]), 'contempt', 'fer0032220: 7 of the 9 kept votes');
  assert.equal(ferplusMajority([6, 0, 1, 2, 0, 0, 0, 0, 1, 0]), 'neutral', 'fer0032223: 6 > 8/2');
  assert.equal(ferplusMajority([3, 0, 0, 5, 0, 0, 0, 0, 2, 0]), FERPLUS_NO_MAJORITY, 'fer0032222: 5 of 10 is not more than half');
  assert.equal(ferplusMajority([0, 0, 4, 0, 1, 2, 3, 0, 0, 0]), FERPLUS_NO_MAJORITY, 'fer0032224: 4 of the 9 kept votes');
  // Without dropping the 1s, 5 of 10 would not be a majority; with them dropped it is 5 of 5.
  assert.equal(ferplusMajority([5, 1, 1, 1, 1, 1, 0, 0, 0, 0]), 'neutral');
  assert.equal(ferplusMajority([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), FERPLUS_NO_MAJORITY, 'nothing left after dropping the 1s');
});

test('FER+ majority: an "unknown" or "NF" winner is named, so the face gets no emotion', () => {
  assert.equal(ferplusMajority([0, 2, 0, 0, 0, 0, 0, 0, 8, 0]), 'unknown');
  assert.equal(ferplusMajority([0, 0, 0, 0, 0, 0, 0, 0, 0, 10]), 'NF');
  assert.throws(() => ferplusMajority([1, 2, 3]), /expected 10 vote counts, got 3/);
});
