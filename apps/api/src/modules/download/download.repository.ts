import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

export class DownloadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * What a dataset's export depends on, as one hash: the dataset's images (their sha256s) and, per model with
   * predictions on it, the model's sha256, how many faces it predicted and its latest run. A new run, a new
   * model or a changed image gives another hash; Postgres computes it without sending a row.
   */
  async resultsFingerprint(datasetId: string): Promise<string> {
    const [row] = await this.dataSource.query<{ images: string; predictions: string | null }[]>(
      `SELECT (SELECT encode(sha256(convert_to(coalesce(string_agg(sha256, ',' ORDER BY id), ''), 'UTF8')), 'hex') FROM images WHERE dataset_id = $1) AS images,
              (SELECT string_agg(model_id || ':' || sha256 || ':' || n || ':' || last_run, ',' ORDER BY model_id)
                 FROM (SELECT p.model_id, m.sha256, count(*) AS n, max(p.run_id) AS last_run
                         FROM predictions p JOIN images i ON i.id = p.image_id JOIN models m ON m.id = p.model_id
                        WHERE i.dataset_id = $1 GROUP BY p.model_id, m.sha256) per_model) AS predictions`,
      [datasetId],
    );
    return createHash('sha256').update(`${row!.images}\n${row!.predictions ?? ''}`).digest('hex');
  }
}
