import assert from 'node:assert/strict';
import { test } from 'node:test';
import { restrictedVote } from './restricted-vote.js';

// probabilities in canonical order: neutral, happiness, sadness, surprise, fear, disgust, anger, contempt
const probs = [0.1, 0.05, 0.2, 0.05, 0.05, 0.05, 0.2, 0.3];

test('a vote inside the label set stays', () => {
  assert.equal(restrictedVote('sadness', probs, ['neutral', 'sadness', 'anger']), 'sadness');
});

test('a vote outside it becomes the most probable label inside, ties to the earlier canonical emotion', () => {
  assert.equal(restrictedVote('contempt', probs, ['neutral', 'happiness', 'sadness', 'anger']), 'sadness');
  assert.equal(restrictedVote('contempt', probs, ['neutral', 'happiness']), 'neutral');
});

test('labels the model has no probability for are never chosen; with none left, no vote', () => {
  assert.equal(restrictedVote('contempt', [null, 0.1, null, null, null, null, null, 0.9], ['neutral', 'happiness']), 'happiness');
  assert.equal(restrictedVote(null, [null, null, null, null, null, null, null, null], ['neutral']), null);
});
