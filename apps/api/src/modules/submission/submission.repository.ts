import { migrateQueue, queueSubmission } from '@ferbench/jobs';
import type { ModelCard } from '@ferbench/shared';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { ModelEntity } from '../model/model.entity.js';

export type SubmissionStatus = 'queued' | 'running' | 'done' | 'failed';

export interface SubmissionRow {
  id: string;
  status: SubmissionStatus;
  modelId: string;
  sha256: string;
  card: ModelCard;
  log: string;
  reason: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface DatasetProgressRow {
  datasetId: string;
  images: number;
  predicted: number;
  failed: number;
  chunks: number;
  chunksDone: number;
}

export interface NewSubmission {
  tokenId: string;
  card: ModelCard;
  /** The model file's bytes, stored by sha256 so workers on other machines fetch it from the database. */
  fileBytes: Uint8Array;
}

const COLUMNS = `id::text, status, model_id AS "modelId", sha256, card, log, reason, created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

export class SubmissionRepository {
  private queueReady: Promise<void> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<SubmissionRow | null> {
    const rows: SubmissionRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM submissions WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findBySha256(sha256: string): Promise<SubmissionRow | null> {
    const rows: SubmissionRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM submissions WHERE sha256 = $1`, [sha256]);
    return rows[0] ?? null;
  }

  /** Newest first; `before`: only submissions with a smaller id (the next page). */
  list(options: { status: SubmissionStatus | undefined; before: string | undefined; limit: number }): Promise<SubmissionRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM submissions WHERE ($1::text IS NULL OR status = $1) AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [options.status ?? null, options.before ?? null, options.limit],
    );
  }

  progress(submissionId: string): Promise<DatasetProgressRow[]> {
    return this.dataSource.query(
      `SELECT dataset_id AS "datasetId", sum(n_images)::int AS images, sum(n_predicted)::int AS predicted, sum(n_failed)::int AS failed,
              count(*)::int AS chunks, count(*) FILTER (WHERE status = 'done')::int AS "chunksDone"
         FROM submission_chunks WHERE submission_id = $1 GROUP BY dataset_id ORDER BY dataset_id`,
      [submissionId],
    );
  }

  /** A registered model that clashes with the card: the same id, the same name and version, or the same file. */
  async clashingModels(card: ModelCard): Promise<Pick<ModelEntity, 'id' | 'name' | 'version' | 'sha256'>[]> {
    return this.dataSource.query(`SELECT id, name, version, sha256 FROM models WHERE id = $1 OR (name = $2 AND version = $3) OR sha256 = $4`, [
      card.id,
      card.name,
      card.version,
      card.sha256,
    ]);
  }

  /**
   * Registers the model, records the submission and queues its planning, all in one transaction: a submission
   * is never left without its job, nor a job without its submission.
   */
  async create(submission: NewSubmission): Promise<string> {
    await this.ensureQueue();
    const { card } = submission;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO models (id, name, version, sha256, card) VALUES ($1, $2, $3, $4, $5)`, [card.id, card.name, card.version, card.sha256, card]);
      await manager.query(`INSERT INTO model_files (sha256, bytes, size) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`, [
        card.sha256,
        Buffer.from(submission.fileBytes),
        submission.fileBytes.length,
      ]);
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO submissions (token_id, model_id, sha256, card) VALUES ($1, $2, $3, $4) RETURNING id::text`,
        [submission.tokenId, card.id, card.sha256, card],
      );
      const id = rows[0]!.id;
      await queueSubmission((text, params) => manager.query(text, params), id);
      return id;
    });
  }

  /** graphile-worker's schema, installed on first use (workers install it too): the API may well start first. */
  private ensureQueue(): Promise<void> {
    this.queueReady ??= (async () => {
      const pool = new pg.Pool({ connectionString: (this.dataSource.options as { url?: string }).url, max: 1 });
      pool.on('error', () => {}); // an idle connection dropped by the server is no reason to crash the API
      try {
        await migrateQueue(pool);
      } finally {
        await pool.end();
      }
    })().catch((error: unknown) => {
      this.queueReady = undefined;
      throw error;
    });
    return this.queueReady;
  }
}
