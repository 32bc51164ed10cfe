import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { drainRequest } from './drain-request.js';

function trickle(chunks: number, size: number, delayMs: number): PassThrough {
  const body = new PassThrough();
  body.pause();
  let sent = 0;
  const timer = setInterval(() => {
    if (sent++ < chunks) body.write(Buffer.alloc(size));
    else {
      clearInterval(timer);
      body.end();
    }
  }, delayMs);
  body.once('close', () => clearInterval(timer));
  return body;
}

test('a body still arriving is read to its end when it fits the cap', async () => {
  assert.equal(await drainRequest(trickle(5, 1000, 2), 10_000, 5_000), true);
});

test('a body over the cap is not read to its end', async () => {
  const body = trickle(50, 1000, 1);
  assert.equal(await drainRequest(body, 4_000, 5_000), false);
  body.destroy();
});

test('a body that stalls is given up after the timeout', async () => {
  const body = new PassThrough();
  body.write(Buffer.alloc(10));
  assert.equal(await drainRequest(body, 1_000, 50), false);
  body.destroy();
});
