
/**
 * The jobs of the submission queue (graphile-worker, schema graphile_worker). The API adds the first one when a
 * model is submitted; `ferbench worker` processes run them.
 */
export const PLAN_SUBMISSION_TASK = 'ferbench.plan-submission';
export const PREDICT_CHUNK_TASK = 'ferbench.predict-chunk';

export interface PlanSubmissionPayload {
  submissionId: string;
}

export interface PredictChunkPayload {
  chunkId: string;
}

/** A chunk that fails this many times fails its submission (a crash or a lost database connection gets retries). */
export const CHUNK_ATTEMPTS = 3;

/** Images per chunk: small enough to spread a dataset over several workers, big enough to amortise loading the model. */
export const DEFAULT_QUEUE_CHUNK_SIZE = 1000;

/** Anything that runs a parameterised query and returns its rows (a pg client, a TypeORM entity manager). */
export type QueryRows = (text: string, params: unknown[]) => Promise<unknown>;

/**
 * Queues the planning of a submission, inside the caller's transaction, so that a submission row exists exactly
 * when its job does. The job key makes queueing twice harmless.
 */
export async function queueSubmission(query: QueryRows, submissionId: string): Promise<void> {
  await query(
    `SELECT graphile_worker.add_job($1, json_build_object('submissionId', $2::text), max_attempts => $3, job_key => $1 || ':' || $2)`,
    [PLAN_SUBMISSION_TASK, submissionId, CHUNK_ATTEMPTS],
  );
}
