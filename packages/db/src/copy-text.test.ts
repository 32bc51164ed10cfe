import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyLine } from './copy-text.js';

test('COPY text lines: escapes, NULL, and arrays with NULL elements', () => {
  assert.equal(copyLine(['a\tb\\c\nd', null, 42, 7n]), 'a\\tb\\\\c\\nd\t\\N\t42\t7\n');
  assert.equal(copyLine([[0.25, null, 1e-7, NaN, -Infinity]]), '{0.25,NULL,1e-7,NaN,-Infinity}\n');
});
