import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The lines of a text file (without their \r\n or \n), streamed so that a large table is never one string. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
  }
}
