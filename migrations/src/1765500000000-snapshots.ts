import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snapshots: frozen exports (`ferbench snapshot create`), named by their manifest's content hash, with the figures
 * they froze so that the API can show them beside the live ones and a live number can cite the snapshot that holds
 * it. No foreign keys to datasets or models: a snapshot outlives what it describes. Labels are EMOTIONS indices.
 */
export class Snapshots1765500000000 implements MigrationInterface {
  name = 'Snapshots1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE snapshots (
        id              text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{16}$'),
        content_sha256  char(64) NOT NULL UNIQUE,
        manifest        jsonb NOT NULL,
        dir             text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE snapshot_leaderboard (
        snapshot_id     text NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
        dataset_id      text NOT NULL,
        dataset_sha256  char(64) NOT NULL,
        model_id        text NOT NULL,
        model_sha256    char(64) NOT NULL,
        rank            integer NOT NULL CHECK (rank >= 1),
        n               integer NOT NULL CHECK (n >= 0),
        accuracy        double precision,
        macro_f1        double precision,
        label_set       smallint[] NOT NULL,
        CONSTRAINT snapshot_leaderboard_pkey PRIMARY KEY (snapshot_id, dataset_id, model_id)
      )`);
    await q.query(`CREATE INDEX snapshot_leaderboard_model ON snapshot_leaderboard (dataset_id, model_id, model_sha256)`);
    await q.query(`
      CREATE TABLE snapshot_agreement (
        snapshot_id     text NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
        dataset_id      text NOT NULL,
        dataset_sha256  char(64) NOT NULL,
        models          text[] NOT NULL,
        n_faces         integer NOT NULL,
        n_raters        integer NOT NULL,
        label_set       smallint[] NOT NULL,
        kappa           double precision,
        se              double precision,
        ci_low          double precision,
        ci_high         double precision,
        ci_level        double precision NOT NULL,
        resamples       integer NOT NULL,
        seed            integer NOT NULL,
        reason          text,
        CONSTRAINT snapshot_agreement_pkey PRIMARY KEY (snapshot_id, dataset_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE snapshot_agreement`);
    await q.query(`DROP TABLE snapshot_leaderboard`);
    await q.query(`DROP TABLE snapshots`);
  }
}
