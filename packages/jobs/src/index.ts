// The submission queue (graphile-worker): what the API enqueues, what workers run, and the tokens that allow it.

export { CHUNK_ATTEMPTS, DEFAULT_QUEUE_CHUNK_SIZE, PLAN_SUBMISSION_TASK, PREDICT_CHUNK_TASK, type QueryRows, queueSubmission } from './queue/queue-tasks.js';
export { migrateQueue } from './queue/migrate-queue.js';
export { type QueueWorker, type QueueWorkerOptions, startQueueWorker } from './queue/queue-worker.js';
export { TokenError, TokenErrorCode } from './tokens/token-error.js';
export { type ApiToken, apiTokenSha256, createApiToken, listApiTokens, revokeApiToken } from './tokens/api-token.js';
