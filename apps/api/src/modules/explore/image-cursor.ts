import { ExploreError, ExploreErrorCode } from './explore.error.js';

/** Where a page ended: the last face's sort values, and the order they belong to. */
export interface ImageCursor {
  isNull: boolean;
  key: number;
  id: string;
}

/** Opaque to clients: base64url of JSON, holding the exact float the face sorted by (JSON keeps every bit of it). */
export function encodeImageCursor(order: string, cursor: ImageCursor): string {
  return Buffer.from(JSON.stringify([order, cursor.isNull, cursor.key, cursor.id])).toString('base64url');
}

/** The cursor, if it was made for this order; anything else is the client's error, never a SQL error. */
export function decodeImageCursor(text: string, order: string): ImageCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw new ExploreError(ExploreErrorCode.InvalidCursor, { order });
  const [madeFor, isNull, key, id] = parsed as unknown[];
  if (madeFor !== order || typeof isNull !== 'boolean' || typeof key !== 'number' || !Number.isFinite(key) || typeof id !== 'string' || !/^[1-9][0-9]{0,17}$/.test(id))
    throw new ExploreError(ExploreErrorCode.InvalidCursor, { order });
  return { isNull, key, id };
}
