import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows reach results queries through an image (its id; detections: its file's sha256): each bumps its dataset's other_version. */
const IMAGE_TABLES = ['prediction_failures', 'perturbed_predictions', 'human_votes', 'human_ratings', 'face_detections'] as const;
const EVENTS = ['insert', 'update', 'delete', 'truncate'] as const;

/**
 * What the API's results cache keys on, kept cheap to read. prediction_versions.version already moves with every
 * write to a dataset's predictions or images; other_version moves with every write to the rest of what results
 * read per image (failures, perturbed predictions, human votes and ratings, face detections), so the API can ask
 * "did any result change?" with a few small-table reads instead of counting those tables. It is a column of the
 * same per-dataset row, not a table of its own: a chunk that writes predictions and failures locks one row, never
 * two in an order another writer could invert (and rows of several datasets are locked in id order). The agreement pattern summaries still check `version` only.
 */
export class ResultVersions1765700000000 implements MigrationInterface {
  name = 'ResultVersions1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE prediction_versions ADD COLUMN other_version bigint NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE FUNCTION bump_other_versions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          UPDATE prediction_versions SET other_version = other_version + 1;
        ELSIF TG_TABLE_NAME = 'face_detections' THEN
          -- Detections are kept per file (sha256), for every dataset holding it.
          INSERT INTO prediction_versions AS v (dataset_id)
          SELECT DISTINCT i.dataset_id FROM changed c JOIN images i ON i.sha256 = c.image_sha256 ORDER BY 1
          ON CONFLICT (dataset_id) DO UPDATE SET other_version = v.other_version + 1;
        ELSE
          INSERT INTO prediction_versions AS v (dataset_id)
          SELECT DISTINCT i.dataset_id FROM changed c JOIN images i ON i.id = c.image_id ORDER BY 1
          ON CONFLICT (dataset_id) DO UPDATE SET other_version = v.other_version + 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of IMAGE_TABLES) {
      await q.query(`CREATE TRIGGER ${table}_other_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_other_versions()`);
      await q.query(`CREATE TRIGGER ${table}_other_update AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_other_versions()`);
      await q.query(`CREATE TRIGGER ${table}_other_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_other_versions()`);
      await q.query(`CREATE TRIGGER ${table}_other_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_other_versions()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of IMAGE_TABLES) for (const event of EVENTS) await q.query(`DROP TRIGGER ${table}_other_${event} ON ${table}`);
    await q.query(`DROP FUNCTION bump_other_versions()`);
    await q.query(`ALTER TABLE prediction_versions DROP COLUMN other_version`);
  }
}
