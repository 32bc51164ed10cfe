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

test('failureMessage: the database stopping under a command says the work is kept and the command resumes', () => {
  const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  assert.equal(
    failureMessage(shutdown),
    'the database shut down while this command was working (terminating connection due to administrator command); what was written is kept, and the same command resumes from there',
  );
});
