import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FreshRead } from './fresh-read.js';

/** A source whose reads the test ends by hand, each answering the value current when the read began. */
function source() {
  let value = 0;
  const pending: (() => void)[] = [];
  const read = () => {
    const seen = value;
    return new Promise<number>((resolve) => pending.push(() => resolve(seen)));
  };
  return { read, set: (v: number) => (value = v), finishNext: () => pending.shift()!(), pending };
}

test('callers during a read wait for the next read, which starts after it and is shared by all of them', async () => {
  const s = source();
  const fresh = new FreshRead(s.read);
  const first = fresh.get();
  s.set(1); // changes after the first read began: later callers must not get 0
  const second = fresh.get();
  const third = fresh.get();
  assert.equal(fresh.reads, 1);
  s.finishNext();
  assert.equal(await first, 0);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(fresh.reads, 2, 'one queued read for both later callers');
  s.finishNext();
  assert.deepEqual(await Promise.all([second, third]), [1, 1]);
  assert.equal(s.pending.length, 0);
});

test('with no read in flight a caller starts its own; a failed read fails its callers and the next caller reads again', async () => {
  let calls = 0;
  const fresh = new FreshRead(async () => {
    calls += 1;
    if (calls === 1) throw new Error('database down');
    return calls;
  });
  await assert.rejects(fresh.get(), /database down/);
  assert.equal(await fresh.get(), 2);
  assert.equal(await fresh.get(), 3);
});
