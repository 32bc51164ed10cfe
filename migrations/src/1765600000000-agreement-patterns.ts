import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreement without scanning predictions. prediction_versions holds one counter per dataset that statement
 * triggers bump whenever that dataset's predictions or images change (insert, update, delete, truncate: every
 * write path, the runner's COPY included, and cascades from a deleted model or image). agreement_patterns keeps
 * the count-pattern table of one agreement question (dataset, raters, label set, gold as rater) with the counter
 * it was counted at: a stored table whose version is the dataset's current one answers the question exactly; any
 * other is recounted (packages/scores, pattern-summary.sql.ts). Runs refresh their dataset's default question when
 * they end. Rows are small (a few thousand patterns at most for 10 raters), never the faces themselves.
 */
export class AgreementPatterns1765600000000 implements MigrationInterface {
  name = 'AgreementPatterns1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE prediction_versions (
        dataset_id  text PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
        version     bigint NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE agreement_patterns (
        dataset_id     text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        model_ids      text[] NOT NULL,
        label_set      smallint[] NOT NULL,
        gold_as_rater  boolean NOT NULL,
        version        bigint NOT NULL,
        patterns       jsonb NOT NULL,
        counted_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dataset_id, model_ids, label_set, gold_as_rater)
      )`);
    // One function for every trigger: each passes the transition table's name for dataset ids or image ids.
    await q.query(`
      CREATE FUNCTION bump_prediction_versions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          UPDATE prediction_versions SET version = version + 1;
        ELSIF TG_TABLE_NAME = 'predictions' THEN
          INSERT INTO prediction_versions AS v (dataset_id)
          SELECT DISTINCT i.dataset_id FROM changed c JOIN images i ON i.id = c.image_id
          ON CONFLICT (dataset_id) DO UPDATE SET version = v.version + 1;
        ELSE
          INSERT INTO prediction_versions AS v (dataset_id)
          SELECT DISTINCT c.dataset_id FROM changed c JOIN datasets d ON d.id = c.dataset_id
          ON CONFLICT (dataset_id) DO UPDATE SET version = v.version + 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['predictions', 'images']) {
      await q.query(`CREATE TRIGGER ${table}_version_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_prediction_versions()`);
      await q.query(`CREATE TRIGGER ${table}_version_update AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_prediction_versions()`);
      await q.query(`CREATE TRIGGER ${table}_version_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_prediction_versions()`);
      await q.query(`CREATE TRIGGER ${table}_version_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_prediction_versions()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['predictions', 'images'])
      for (const event of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER ${table}_version_${event} ON ${table}`);
    await q.query(`DROP FUNCTION bump_prediction_versions()`);
    await q.query(`DROP TABLE agreement_patterns`);
    await q.query(`DROP TABLE prediction_versions`);
  }
}
