import type pg from 'pg';
import { PREDICT_CHUNK_TASK, CHUNK_ATTEMPTS } from './queue-tasks.js';
import { submissionLogLine } from './submission-log.js';

/**
 * Every status change of a submission and its chunks. Each one locks the submission row first, so that chunks
 * finishing on different workers at the same moment see each other and exactly one of them closes the submission.
 */

export interface ChunkToPredict {
  id: string;
  submissionId: string;
  modelId: string;
  datasetId: string;
  firstImageId: string;
  lastImageId: string;
}

async function inTransaction<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const appendLog = (client: pg.PoolClient, submissionId: string, text: string) =>
  client.query('UPDATE submissions SET log = log || $2 WHERE id = $1', [submissionId, text]);

/**
 * Splits a queued submission into chunks of at most `chunkSize` images of one dataset (consecutive ids) and queues
 * a job per chunk, in one transaction. A submission that is already planned is left alone, so a retried or
 * duplicated planning job does nothing.
 */
export async function planSubmission(pool: pg.Pool, submissionId: string, chunkSize: number, workerId: string): Promise<number> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ status: string; planned: boolean }>(
      `SELECT status, EXISTS (SELECT 1 FROM submission_chunks c WHERE c.submission_id = s.id) AS planned FROM submissions s WHERE id = $1 FOR UPDATE`,
      [submissionId],
    );
    const submission = rows[0];
    if (submission === undefined || submission.status !== 'queued' || submission.planned) return 0;
    const { rows: chunks } = await client.query<{ dataset_id: string; n: number }>(
      `INSERT INTO submission_chunks (submission_id, dataset_id, first_image_id, last_image_id, n_images)
       SELECT $1, dataset_id, min(id), max(id), count(*)::int
         FROM (SELECT id, dataset_id, (row_number() OVER (PARTITION BY dataset_id ORDER BY id) - 1) / $2::int AS chunk FROM images) numbered
        GROUP BY dataset_id, chunk
        ORDER BY dataset_id, min(id)
       RETURNING dataset_id, n_images AS n`,
      [submissionId, chunkSize],
    );
    if (chunks.length === 0) {
      await client.query(`UPDATE submissions SET status = 'done', finished_at = now() WHERE id = $1`, [submissionId]);
      await appendLog(client, submissionId, submissionLogLine(workerId, 'done: there are no images to predict (no dataset is imported)'));
      return 0;
    }
    await client.query(
      `SELECT graphile_worker.add_job($2, json_build_object('chunkId', id::text), max_attempts => $3, job_key => $2 || ':' || id)
         FROM submission_chunks WHERE submission_id = $1 ORDER BY id`,
      [submissionId, PREDICT_CHUNK_TASK, CHUNK_ATTEMPTS],
    );
    const perDataset = new Map<string, { images: number; chunks: number }>();
    for (const c of chunks) {
      const d = perDataset.get(c.dataset_id) ?? { images: 0, chunks: 0 };
      perDataset.set(c.dataset_id, { images: d.images + c.n, chunks: d.chunks + 1 });
    }
    const summary = [...perDataset].map(([id, d]) => `${id} (${d.images} images, ${d.chunks} chunk${d.chunks === 1 ? '' : 's'})`).join(', ');
    await appendLog(client, submissionId, submissionLogLine(workerId, `queued ${chunks.length} chunks of at most ${chunkSize} images: ${summary}`));
    return chunks.length;
  });
}

/**
 * Claims a chunk for this worker and moves its submission to running. Null when there is nothing to do: the chunk
 * is done already (a job run twice) or its submission has failed.
 */
export async function startChunk(pool: pg.Pool, chunkId: string, workerId: string): Promise<ChunkToPredict | null> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{
      id: string;
      submission_id: string;
      model_id: string;
      dataset_id: string;
      first_image_id: string;
      last_image_id: string;
      status: string;
      submission_status: string;
    }>(
      `SELECT c.id, c.submission_id, s.model_id, c.dataset_id, c.first_image_id, c.last_image_id, c.status, s.status AS submission_status
         FROM submission_chunks c JOIN submissions s ON s.id = c.submission_id WHERE c.id = $1 FOR UPDATE OF s, c`,
      [chunkId],
    );
    const row = rows[0];
    if (row === undefined || row.status === 'done' || row.submission_status === 'failed' || row.submission_status === 'done') return null;
    await client.query(`UPDATE submission_chunks SET status = 'running', worker_id = $2, started_at = now(), error = NULL WHERE id = $1`, [chunkId, workerId]);
    if (row.submission_status === 'queued') {
      await client.query(`UPDATE submissions SET status = 'running', started_at = now() WHERE id = $1`, [row.submission_id]);
      await appendLog(client, row.submission_id, submissionLogLine(workerId, 'running'));
    }
    return {
      id: row.id,
      submissionId: row.submission_id,
      modelId: row.model_id,
      datasetId: row.dataset_id,
      firstImageId: row.first_image_id,
      lastImageId: row.last_image_id,
    };
  });
}

const range = (chunk: ChunkToPredict) => `${chunk.datasetId} images ${chunk.firstImageId}–${chunk.lastImageId}`;

/**
 * Marks the chunk done with its counts as stored (so a chunk finished over several attempts counts every
 * prediction once); the last chunk to finish marks the submission done.
 * Returns true when this chunk was the submission's last (the submission is now done).
 */
export async function finishChunk(pool: pg.Pool, chunk: ChunkToPredict, workerId: string, run: { runId: string | null; facesPerSecond: number | null }): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const { rows: submission } = await client.query<{ status: string }>('SELECT status FROM submissions WHERE id = $1 FOR UPDATE', [chunk.submissionId]);
    const { rows: counts } = await client.query<{ predicted: number; failed: number }>(
      `SELECT (SELECT count(*)::int FROM predictions p JOIN images i ON i.id = p.image_id
                WHERE p.model_id = $1 AND i.dataset_id = $2 AND p.image_id BETWEEN $3 AND $4) AS predicted,
              (SELECT count(*)::int FROM prediction_failures f JOIN images i ON i.id = f.image_id
                WHERE f.model_id = $1 AND i.dataset_id = $2 AND f.image_id BETWEEN $3 AND $4) AS failed`,
      [chunk.modelId, chunk.datasetId, chunk.firstImageId, chunk.lastImageId],
    );
    const { predicted, failed } = counts[0]!;
    await client.query(
      `UPDATE submission_chunks SET status = 'done', n_predicted = $2, n_failed = $3, run_id = coalesce($4, run_id), finished_at = now(), error = NULL WHERE id = $1`,
      [chunk.id, predicted, failed, run.runId],
    );
    const speed = run.facesPerSecond === null ? '' : ` (${Math.round(run.facesPerSecond)} faces/s)`;
    await appendLog(client, chunk.submissionId, submissionLogLine(workerId, `${range(chunk)}: ${predicted} predicted, ${failed} failed${speed}`));
    const { rows: left } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM submission_chunks WHERE submission_id = $1 AND status <> 'done'`, [chunk.submissionId]);
    if (left[0]!.n > 0 || submission[0]?.status !== 'running') return false;
    const { rows: total } = await client.query<{ predicted: number; failed: number; datasets: number }>(
      `SELECT sum(n_predicted)::int AS predicted, sum(n_failed)::int AS failed, count(DISTINCT dataset_id)::int AS datasets FROM submission_chunks WHERE submission_id = $1`,
      [chunk.submissionId],
    );
    const t = total[0]!;
    await client.query(`UPDATE submissions SET status = 'done', finished_at = now() WHERE id = $1`, [chunk.submissionId]);
    await appendLog(client, chunk.submissionId, submissionLogLine(workerId, `done: ${t.predicted} faces predicted on ${t.datasets} dataset(s), ${t.failed} could not be`));
    return true;
  });
}

/**
 * Records a failed attempt. Before the last attempt the chunk goes back to queued (graphile-worker retries it
 * with backoff); after the last one the chunk and its submission fail, with the error as the reason.
 */
export async function failChunk(pool: pg.Pool, chunk: ChunkToPredict, workerId: string, error: string, attempt: { number: number; of: number }): Promise<void> {
  const final = attempt.number >= attempt.of;
  await inTransaction(pool, async (client) => {
    const { rows: submission } = await client.query<{ status: string }>('SELECT status FROM submissions WHERE id = $1 FOR UPDATE', [chunk.submissionId]);
    await client.query(`UPDATE submission_chunks SET status = $2, error = $3, finished_at = CASE WHEN $2 = 'failed' THEN now() END WHERE id = $1`, [
      chunk.id,
      final ? 'failed' : 'queued',
      error,
    ]);
    await appendLog(
      client,
      chunk.submissionId,
      submissionLogLine(workerId, `${range(chunk)}: attempt ${attempt.number} of ${attempt.of} failed: ${error}${final ? '' : ' (will retry)'}`),
    );
    if (!final || submission[0]?.status === 'failed' || submission[0]?.status === 'done') return;
    await client.query(`UPDATE submissions SET status = 'failed', finished_at = now(), reason = $2 WHERE id = $1`, [
      chunk.submissionId,
      `${range(chunk)} failed ${attempt.of} times; the last error: ${error}`,
    ]);
  });
}
