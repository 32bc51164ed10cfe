import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** A file written in order, waiting for the disk when its buffer is full (bounded memory). */
export class FileSink {
  private readonly stream: WriteStream;

  constructor(file: string) {
    this.stream = createWriteStream(file);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
