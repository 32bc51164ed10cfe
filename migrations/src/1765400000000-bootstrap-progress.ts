import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * bootstrap_progress: what `ferbench bootstrap` (the data step of `npm start`, running in the background while the
 * API and dashboard already serve) is doing, one row: importing, installing models, running, done or failed, with a
 * line of detail. The runs themselves are in `runs` (n_predicted grows chunk by chunk), so faces done per model ×
 * dataset are read from there and from predictions.
 */
export class BootstrapProgress1765400000000 implements MigrationInterface {
  name = 'BootstrapProgress1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bootstrap_progress (
        id           smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        phase        text NOT NULL CHECK (phase IN ('importing', 'installing', 'running', 'done', 'failed')),
        detail       text NOT NULL DEFAULT '',
        started_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        finished_at  timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bootstrap_progress`);
  }
}
