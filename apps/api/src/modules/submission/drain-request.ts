import type { Readable } from 'node:stream';

/**
 * Reads and discards what is left of a refused request body, at most `capBytes` and for at most `timeoutMs`, and
 * says whether it reached the end. A client that is still sending when the answer comes (a proxy streaming an upload,
 * say) otherwise sees its connection reset (EPIPE) instead of the refusal; a body too large to drain cheaply is not
 * read, and the connection is closed after the answer instead.
 */
export function drainRequest(body: Readable, capBytes: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (complete: boolean) => {
      clearTimeout(timer);
      body.off('data', onData).off('end', onEnd).off('error', onError);
      if (!complete) body.pause();
      resolve(complete);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > capBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = () => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    body.on('data', onData).once('end', onEnd).once('error', onError);
    body.resume();
  });
}
