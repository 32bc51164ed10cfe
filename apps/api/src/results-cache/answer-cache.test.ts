import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnswerCache } from './answer-cache.js';

const answer = (chars: number) => ({ x: 'a'.repeat(chars - 8) }); // {"x":"…"} is chars long

test('keeps answers up to its character budget, least recently used out first; an answer over a tenth is not kept', async () => {
  const cache = new AnswerCache(1_000);
  for (const key of ['a', 'b', 'c']) {
    assert.equal(await cache.lookup(key), undefined);
    cache.settle(key, answer(100));
  }
  assert.deepEqual(await cache.lookup('a'), answer(100)); // a is now the most recently used
  for (const key of ['d', 'e', 'f', 'g', 'h', 'i', 'j', 'k']) {
    await cache.lookup(key);
    cache.settle(key, answer(100));
  }
  // 11 answers of 100: the least recently used (b) went.
  assert.equal(cache.stats().entries, 10);
  assert.equal(cache.stats().chars, 1_000);
  assert.equal(await cache.lookup('b'), undefined);
  cache.settle('b', null);
  assert.deepEqual(await cache.lookup('a'), answer(100));
  await cache.lookup('big');
  cache.settle('big', answer(101));
  assert.equal(await cache.lookup('big'), undefined, 'over a tenth of the budget: not kept');
  cache.settle('big', null);
});

test('a request for a question being computed waits for that answer; a failed computation lets it compute its own', async () => {
  const cache = new AnswerCache(1_000);
  assert.equal(await cache.lookup('q'), undefined);
  const waiting = cache.lookup('q');
  cache.settle('q', answer(50));
  assert.deepEqual(await waiting, answer(50));
  assert.deepEqual(cache.stats(), { hits: 0, joined: 1, misses: 1, entries: 1, chars: 50 });

  assert.equal(await cache.lookup('r'), undefined);
  const second = cache.lookup('r');
  cache.settle('r', null);
  assert.equal(await second, undefined, 'the error is not shared: the waiter computes');
  assert.equal(cache.stats().misses, 3);
});
