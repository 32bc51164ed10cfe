import type { DataSource } from 'typeorm';

export interface BootstrapRow {
  phase: string;
  detail: string;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

export interface PairRow {
  model_id: string;
  model_name: string;
  dataset_id: string;
  faces_total: number;
  /** Faces with a stored prediction or a recorded failure for this model. */
  faces_done: number;
  run_status: 'running' | 'done' | 'failed' | null;
  /** Faces the latest run got through, and the seconds it has taken (so far). */
  run_faces: number | null;
  run_seconds: number | null;
  faces_per_s: number | null;
  error: string | null;
  updated_at: Date | null;
}

/** The SQL behind the status page: the bootstrap's phase and, per registered model × dataset, how far it has got. */
export class StatusRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A value that changes whenever results can, read from small tables only: every row of models, datasets and
   * snapshots by its row version (xmin moves with each insert and update), each dataset's prediction and other
   * counters (statement triggers bump them on every write to predictions, images, failures, perturbed predictions,
   * human votes and ratings and face detections, the runner's COPY and cascades included), and when a run last
   * started or ended. Sub-millisecond: the API's results cache asks it before every cached answer.
   */
  async resultsVersion(): Promise<string> {
    const rows: { v: string }[] = await this.dataSource.query(`
      SELECT md5(concat_ws('|',
        (SELECT string_agg(id || ':' || xmin, ',' ORDER BY id) FROM models),
        (SELECT string_agg(id || ':' || xmin, ',' ORDER BY id) FROM datasets),
        (SELECT string_agg(dataset_id || ':' || version || ':' || other_version, ',' ORDER BY dataset_id) FROM prediction_versions),
        (SELECT string_agg(id || ':' || xmin, ',' ORDER BY id) FROM snapshots),
        (SELECT count(*) || ':' || coalesce(extract(epoch FROM max(coalesce(finished_at, started_at)))::text, '') FROM runs))) AS v`);
    return rows[0]!.v;
  }

  async bootstrap(): Promise<BootstrapRow | null> {
    const rows: BootstrapRow[] = await this.dataSource.query(`SELECT phase, detail, started_at, updated_at, finished_at FROM bootstrap_progress WHERE id = 1`);
    return rows[0] ?? null;
  }

  pairs(): Promise<PairRow[]> {
    return this.dataSource.query(`
      WITH totals AS (SELECT dataset_id, count(*)::int AS n FROM images GROUP BY dataset_id),
      done AS (
        SELECT model_id, dataset_id, count(*)::int AS n FROM (
          SELECT p.model_id, i.dataset_id FROM predictions p JOIN images i ON i.id = p.image_id
          UNION ALL
          SELECT f.model_id, i.dataset_id FROM prediction_failures f JOIN images i ON i.id = f.image_id
        ) faces GROUP BY model_id, dataset_id
      ),
      latest AS (
        SELECT DISTINCT ON (model_id, dataset_id) model_id, dataset_id, status, n_predicted + n_failed AS faces,
          extract(epoch FROM coalesce(finished_at, now()) - started_at)::float8 AS seconds, faces_per_s, error,
          coalesce(finished_at, started_at) AS updated_at
        FROM runs ORDER BY model_id, dataset_id, (status = 'running') DESC, started_at DESC, id DESC
      )
      SELECT m.id AS model_id, m.name AS model_name, d.id AS dataset_id, coalesce(t.n, 0) AS faces_total, coalesce(done.n, 0) AS faces_done,
        l.status AS run_status, l.faces AS run_faces, l.seconds AS run_seconds, l.faces_per_s, l.error, l.updated_at
      FROM models m CROSS JOIN datasets d
      LEFT JOIN totals t ON t.dataset_id = d.id
      LEFT JOIN done ON done.model_id = m.id AND done.dataset_id = d.id
      LEFT JOIN latest l ON l.model_id = m.id AND l.dataset_id = d.id
      ORDER BY d.id, m.id`);
  }
}
