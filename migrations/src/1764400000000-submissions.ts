import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Model submissions and what exploring faces needs:
 * - api_tokens: who may submit; only the sha256 of a token is kept (the token is shown once, by `ferbench token create`).
 * - submissions: an uploaded ONNX file + card, registered as a model, predicted on every dataset by the queue
 *   workers; status queued → running → done | failed, with a log and the reason of a failure.
 * - submission_chunks: the units of work the workers share, one per (submission, dataset, range of image ids).
 * - runs.first_image_id / last_image_id: the id range of a run that predicted one chunk (null: the whole dataset).
 * - human_votes: crowd votes per face and canonical emotion (FER+ style), for human vote entropy; empty until an
 *   importer fills it.
 */
export class Submissions1764400000000 implements MigrationInterface {
  name = 'Submissions1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_tokens (
        id            bigserial PRIMARY KEY,
        name          text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,62}$'),
        token_sha256  char(64) NOT NULL UNIQUE,
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_used_at  timestamptz,
        revoked_at    timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE submissions (
        id           bigserial PRIMARY KEY,
        token_id     bigint NOT NULL REFERENCES api_tokens(id),
        model_id     text NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        sha256       char(64) NOT NULL,
        card         jsonb NOT NULL,
        status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        log          text NOT NULL DEFAULT '',
        reason       text,
        created_at   timestamptz NOT NULL DEFAULT now(),
        started_at   timestamptz,
        finished_at  timestamptz,
        CONSTRAINT submissions_model UNIQUE (model_id),
        CONSTRAINT submissions_sha256 UNIQUE (sha256),
        CONSTRAINT submissions_failed_has_reason CHECK ((status = 'failed') = (reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX submissions_status ON submissions (status, id)`);
    await q.query(`
      CREATE TABLE submission_chunks (
        id              bigserial PRIMARY KEY,
        submission_id   bigint NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        dataset_id      text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        first_image_id  bigint NOT NULL,
        last_image_id   bigint NOT NULL CHECK (last_image_id >= first_image_id),
        n_images        integer NOT NULL CHECK (n_images > 0),
        status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        worker_id       text,
        run_id          bigint REFERENCES runs(id) ON DELETE SET NULL,
        n_predicted     integer NOT NULL DEFAULT 0,
        n_failed        integer NOT NULL DEFAULT 0,
        error           text,
        started_at      timestamptz,
        finished_at     timestamptz,
        CONSTRAINT submission_chunks_range UNIQUE (submission_id, dataset_id, first_image_id)
      )`);
    await q.query(`
      ALTER TABLE runs
        ADD COLUMN first_image_id bigint,
        ADD COLUMN last_image_id bigint,
        ADD CONSTRAINT runs_image_range CHECK ((first_image_id IS NULL) = (last_image_id IS NULL) AND last_image_id >= first_image_id)`);
    await q.query(`
      CREATE TABLE human_votes (
        image_id  bigint NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        label     smallint NOT NULL CHECK (label BETWEEN 0 AND 7),
        votes     integer NOT NULL CHECK (votes > 0),
        CONSTRAINT human_votes_pkey PRIMARY KEY (image_id, label)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE human_votes`);
    await q.query(`ALTER TABLE runs DROP CONSTRAINT runs_image_range, DROP COLUMN last_image_id, DROP COLUMN first_image_id`);
    await q.query(`DROP TABLE submission_chunks`);
    await q.query(`DROP TABLE submissions`);
    await q.query(`DROP TABLE api_tokens`);
  }
}
