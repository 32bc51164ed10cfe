import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failureMessage } from './failure-message.js';

test('failureMessage: never undefined, whatever was thrown', () => {
  assert.equal(failureMessage(new Error('disk full')), 'disk full');
  assert.equal(failureMessage(Object.assign(new Error(''), { code: 'ECONNREFUSED' })), 'Error (ECONNREFUSED)');
  assert.equal(failureMessage(new TypeError('')), 'TypeError');
  assert.equal(failureMessage({ code: 'EADDRINUSE' }), 'EADDRINUSE');
  assert.equal(failureMessage('plain text'), 'plain text');
  assert.equal(failureMessage(42), '42');
  assert.match(failureMessage(undefined), /without saying why/);
  assert.match(failureMessage(null), /without saying why/);
  for (const x of [undefined, null, new Error(''), {}, ''])
    assert.doesNotMatch(failureMessage(x), /^undefined$|^$/);
});
