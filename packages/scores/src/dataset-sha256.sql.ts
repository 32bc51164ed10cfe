import type { SqlRows } from './sql-rows.js';

/**
 * A dataset's content hash: sha256 (hex) of its images' sha256s sorted ascending, each followed by "\n"; hashed in
 * Postgres. The API's dataSha256 and `ferbench report` both use this.
 */
export async function datasetContentSha256(rows: SqlRows, datasetId: string): Promise<string> {
  const found = await rows<{ digest: string }>(
    `SELECT encode(sha256(convert_to(coalesce(string_agg(sha256 || E'\\n', '' ORDER BY sha256), ''), 'UTF8')), 'hex') AS digest
       FROM images WHERE dataset_id = $1`,
    [datasetId],
  );
  return found[0]!.digest;
}
