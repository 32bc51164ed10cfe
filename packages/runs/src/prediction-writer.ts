import { copyRows } from '@ferbench/db';
import type { CanonicalPrediction } from '@ferbench/inference';
import type pg from 'pg';

export interface PredictionRow extends CanonicalPrediction {
  imageId: string;
}

export interface FailureRow {
  imageId: string;
  error: string;
}

/**
 * Writes a run's predictions in chunks, each its own transaction, so that a killed run loses at most the chunk
 * in flight. Each chunk is COPied into a temporary table and merged with ON CONFLICT DO NOTHING: a row that
 * somehow exists already (another process, a retried chunk) is kept rather than failing the chunk. The run's
 * counters move in the same transaction, so they always match the rows.
 *
 * Writing is behind: add() hands a full chunk to Postgres and returns once the previous chunk is committed,
 * so the database works while the next batches are inferred.
 */
export class PredictionWriter {
  private predictions: PredictionRow[] = [];
  private failures: FailureRow[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  written = 0;
  failed = 0;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly modelId: string,
    private readonly runId: string,
    private readonly chunkSize: number,
    private readonly onCommit: (predicted: number, failed: number) => void = () => {},
  ) {}

  async add(predictions: readonly PredictionRow[], failures: readonly FailureRow[]): Promise<void> {
    this.predictions.push(...predictions);
    this.failures.push(...failures);
    if (this.predictions.length + this.failures.length >= this.chunkSize) await this.flush();
  }

  /** Writes what is buffered and waits for every chunk to be committed. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  private async flush(): Promise<void> {
    await this.inFlight;
    const predictions = this.predictions;
    const failures = this.failures;
    this.predictions = [];
    this.failures = [];
    if (predictions.length + failures.length === 0) return;
    const chunk = this.writeChunk(predictions, failures);
    chunk.catch(() => {}); // the error surfaces at the next add() or finish(), which await this chunk
    this.inFlight = chunk;
  }

  private async writeChunk(predictions: PredictionRow[], failures: FailureRow[]): Promise<void> {
    const { client, modelId, runId } = this;
    await client.query('BEGIN');
    try {
      let inserted = 0;
      if (predictions.length > 0) {
        await client.query('CREATE TEMP TABLE prediction_stage (image_id bigint, label smallint, probs real[], raw real[]) ON COMMIT DROP');
        await copyRows(client, 'prediction_stage', ['image_id', 'label', 'probs', 'raw'], predictions.map((p) => [p.imageId, p.label, p.probs, p.raw]));
        inserted =
          (
            await client.query(
              `INSERT INTO predictions (model_id, image_id, run_id, label, probs, raw)
               SELECT $1, image_id, $2, label, probs, raw FROM prediction_stage ON CONFLICT DO NOTHING`,
              [modelId, runId],
            )
          ).rowCount ?? 0;
        // An image that failed in an earlier run and succeeded now is no longer a failure.
        await client.query('DELETE FROM prediction_failures f USING prediction_stage s WHERE f.model_id = $1 AND f.image_id = s.image_id', [modelId]);
      }
      if (failures.length > 0)
        await client.query(
          `INSERT INTO prediction_failures (model_id, image_id, run_id, error)
           SELECT $1, unnest($3::bigint[]), $2, unnest($4::text[])
           ON CONFLICT (model_id, image_id) DO UPDATE SET run_id = EXCLUDED.run_id, error = EXCLUDED.error`,
          [modelId, runId, failures.map((f) => f.imageId), failures.map((f) => f.error)],
        );
      await client.query('UPDATE runs SET n_predicted = n_predicted + $2, n_failed = n_failed + $3 WHERE id = $1', [runId, inserted, failures.length]);
      await client.query('COMMIT');
      this.written += inserted;
      this.failed += failures.length;
      this.onCommit(inserted, failures.length);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }
}
