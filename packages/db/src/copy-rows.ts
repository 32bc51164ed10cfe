import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type CopyValue, copyLine } from './copy-text.js';

/**
 * Streams rows into `table` with COPY … FROM STDIN (text format), in slices so that a large batch never sits in
 * memory as one string. The caller owns the transaction.
 */
export async function copyRows(client: pg.PoolClient | pg.Client, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<void> {
  function* lines(): Generator<string> {
    let slice = '';
    for (const row of rows) {
      slice += copyLine(row);
      if (slice.length > 1 << 16) {
        yield slice;
        slice = '';
      }
    }
    if (slice !== '') yield slice;
  }
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines()), stream);
}
