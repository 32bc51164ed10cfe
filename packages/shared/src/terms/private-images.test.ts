import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imagesArePrivate, parsePrivateImages, RESEARCH_ONLY_DATASETS } from './private-images.js';

const ids = (value: string | undefined) => {
  const policy = parsePrivateImages(value);
  if ('problem' in policy) throw new Error(policy.problem);
  return policy.datasets === 'all' ? 'all' : [...policy.datasets].sort();
};

test('unset or empty: every image is public', () => {
  assert.deepEqual(ids(undefined), []);
  assert.deepEqual(ids(' , '), []);
});

test('research-only (or all-research-only) names FER2013, FER+, RAF-DB, JAFFE and AffectNet; ids add to it', () => {
  assert.deepEqual(ids('research-only'), [...RESEARCH_ONLY_DATASETS].sort());
  assert.deepEqual(ids('all-research-only'), ['affectnet', 'fer2013', 'ferplus', 'jaffe', 'rafdb']);
  assert.deepEqual(ids('mine, research-only'), ['affectnet', 'fer2013', 'ferplus', 'jaffe', 'mine', 'rafdb']);
  assert.deepEqual(ids('fer2013,rafdb'), ['fer2013', 'rafdb']);
});

test('all: every dataset, including ones imported later', () => {
  const policy = parsePrivateImages('all', 'nobody');
  assert.ok(!('problem' in policy));
  assert.equal(imagesArePrivate(policy, 'anything-new'), true);
  assert.equal(policy.access, 'nobody');
});

test('a listed dataset is private, another is not', () => {
  const policy = parsePrivateImages('rafdb');
  assert.ok(!('problem' in policy));
  assert.equal(imagesArePrivate(policy, 'rafdb'), true);
  assert.equal(imagesArePrivate(policy, 'fer2013'), false);
});

test('anything else is refused, naming the entry', () => {
  assert.deepEqual(parsePrivateImages('rafdb,all'), { problem: '"all" stands alone (every dataset); drop the other entries' });
  assert.match((parsePrivateImages('raf db') as { problem: string }).problem, /"raf db" is not a dataset id/);
});
