import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunks } from './chunks.js';
import { prefetch } from './prefetch.js';

test('prefetch yields results in order with at most `depth` calls running', async () => {
  let running = 0;
  let most = 0;
  const results: number[] = [];
  const delays = [30, 5, 20, 1, 10, 2];
  for await (const r of prefetch(delays.keys(), 3, async (i) => {
    most = Math.max(most, ++running);
    await new Promise((resolve) => setTimeout(resolve, delays[i]));
    running--;
    return i * 10;
  }))
    results.push(r);
  assert.deepEqual(results, [0, 10, 20, 30, 40, 50]);
  assert.equal(most, 3);
});

test('a failed call is rethrown when the consumer reaches it', async () => {
  const seen: number[] = [];
  await assert.rejects(async () => {
    for await (const r of prefetch([1, 2, 3], 2, async (i) => {
      if (i === 2) throw new Error('two');
      return i;
    }))
      seen.push(r);
  }, /two/);
  assert.deepEqual(seen, [1]);
});

test('chunks slices in order, the last one short', () => {
  assert.deepEqual([...chunks([1, 2, 3, 4, 5], 2)], [[1, 2], [3, 4], [5]]);
  assert.throws(() => [...chunks([1], 0)], /chunk size/);
});
