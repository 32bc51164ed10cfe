import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExploreError } from './explore.error.js';
import { decodeImageCursor, encodeImageCursor } from './image-cursor.js';

test('a cursor round-trips every bit of its float, and only for its own order', () => {
  const cursor = { isNull: false, key: 1.5849625007211563, id: '42' };
  assert.deepEqual(decodeImageCursor(encodeImageCursor('MODEL_ENTROPY:DESC', cursor), 'MODEL_ENTROPY:DESC'), cursor);
  const tiny = { isNull: false, key: 0.1 + 0.2, id: '7' };
  assert.equal(decodeImageCursor(encodeImageCursor('FLEISS_P_I:ASC', tiny), 'FLEISS_P_I:ASC').key, 0.1 + 0.2);
  assert.throws(() => decodeImageCursor(encodeImageCursor('MODEL_ENTROPY:DESC', cursor), 'MODEL_ENTROPY:ASC'), ExploreError);
  for (const bad of ['', 'x', Buffer.from('[1,2]').toString('base64url'), encodeImageCursor('ID:ASC', { ...cursor, id: '0; DROP TABLE images' })])
    assert.throws(() => decodeImageCursor(bad, 'ID:ASC'), ExploreError, bad);
});
