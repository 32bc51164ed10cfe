import type { Readable } from 'node:stream';
import { PhotoError, PhotoErrorCode } from './photo.error.js';

/** Reads a request body into memory, refusing it as soon as it passes `maxBytes` (nothing goes to disk). */
export async function readLimited(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > maxBytes) {
      body.destroy();
      throw new PhotoError(PhotoErrorCode.TooLarge, { limitBytes: maxBytes });
    }
    chunks.push(chunk);
  }
  if (bytes === 0) throw new PhotoError(PhotoErrorCode.Empty, {});
  return Buffer.concat(chunks, bytes);
}
