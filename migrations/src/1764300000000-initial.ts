import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core schema. Labels are stored as their index in the canonical taxonomy (packages/shared EMOTIONS:
 * 0 neutral … 7 contempt); probability vectors are real[8] in that order, NULL where a model cannot emit a label.
 */
export class Initial1764300000000 implements MigrationInterface {
  name = 'Initial1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE datasets (
        id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]*$'),
        name        text NOT NULL,
        format      text NOT NULL,
        root        text NOT NULL,
        label_map   jsonb NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE images (
        id              bigserial PRIMARY KEY,
        dataset_id      text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        key             text NOT NULL,
        path            text NOT NULL,
        sha256          char(64) NOT NULL,
        bytes           integer NOT NULL CHECK (bytes >= 0),
        width           integer NOT NULL CHECK (width > 0),
        height          integer NOT NULL CHECK (height > 0),
        split           text NOT NULL,
        gold_label      smallint CHECK (gold_label BETWEEN 0 AND 7),
        gold_label_raw  text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT images_dataset_key UNIQUE (dataset_id, key)
      )`);
    await q.query(`CREATE INDEX images_sha256 ON images (sha256)`);
    await q.query(`CREATE INDEX images_dataset_split ON images (dataset_id, split)`);
    await q.query(`
      CREATE TABLE models (
        id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]*$'),
        name        text NOT NULL,
        version     text NOT NULL,
        sha256      char(64) NOT NULL,
        card        jsonb NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT models_name_version UNIQUE (name, version)
      )`);
    await q.query(`
      CREATE TABLE runs (
        id                  bigserial PRIMARY KEY,
        model_id            text NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        dataset_id          text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        status              text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        device              text NOT NULL,
        execution_provider  text NOT NULL,
        ort_version         text NOT NULL,
        batch_size          integer NOT NULL,
        started_at          timestamptz NOT NULL DEFAULT now(),
        finished_at         timestamptz,
        n_images            integer NOT NULL DEFAULT 0,
        n_predicted         integer NOT NULL DEFAULT 0,
        n_failed            integer NOT NULL DEFAULT 0,
        faces_per_s         double precision,
        error               text
      )`);
    await q.query(`CREATE INDEX runs_model_dataset ON runs (model_id, dataset_id)`);
    await q.query(`
      CREATE TABLE predictions (
        model_id    text NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        image_id    bigint NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        run_id      bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        label       smallint NOT NULL CHECK (label BETWEEN 0 AND 7),
        probs       real[] NOT NULL CHECK (cardinality(probs) = 8),
        raw         real[] NOT NULL,
        CONSTRAINT predictions_pkey PRIMARY KEY (model_id, image_id)
      )`);
    await q.query(`CREATE INDEX predictions_image ON predictions (image_id)`);
    await q.query(`
      CREATE TABLE prediction_failures (
        model_id    text NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        image_id    bigint NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        run_id      bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        error       text NOT NULL,
        CONSTRAINT prediction_failures_pkey PRIMARY KEY (model_id, image_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE prediction_failures`);
    await q.query(`DROP TABLE predictions`);
    await q.query(`DROP TABLE runs`);
    await q.query(`DROP TABLE models`);
    await q.query(`DROP TABLE images`);
    await q.query(`DROP TABLE datasets`);
  }
}
