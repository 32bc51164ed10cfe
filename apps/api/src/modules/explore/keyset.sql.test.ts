import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterCursorSql } from './keyset.sql.js';

test('after the cursor: lexicographic over the terms, each in its own direction', () => {
  assert.equal(
    afterCursorSql([
      { column: 'sort_null', descending: false, value: '$1' },
      { column: 'sort_key', descending: true, value: '$2' },
      { column: 'id', descending: true, value: '$3' },
    ]),
    '(sort_null > $1) OR (sort_null = $1 AND sort_key < $2) OR (sort_null = $1 AND sort_key = $2 AND id < $3)',
  );
});
