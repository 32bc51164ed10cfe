import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * model_files: every registered model's ONNX bytes, stored once by sha256, so a worker on another machine with
 * nothing in common but the database fetches the file it runs (packages/models, model-files.ts) and checks its
 * sha256 before use. Registration (`model add`, the zoo, accepted submissions) writes it.
 */
export class ModelFiles1765600001000 implements MigrationInterface {
  name = 'ModelFiles1765600001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE model_files (
        sha256     char(64) PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        bytes      bytea NOT NULL,
        size       integer NOT NULL CHECK (size = octet_length(bytes)),
        stored_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // The bytes are already compressed weights: leave them out of line without another compression pass.
    await q.query(`ALTER TABLE model_files ALTER COLUMN bytes SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE model_files`);
  }
}
