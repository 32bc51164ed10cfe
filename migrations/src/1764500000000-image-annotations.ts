import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * images.annotations: what a dataset publishes about an image beyond its label, kept as published (AffectNet's face
 * box, 68 landmarks, valence and arousal; RAF-DB's landmarks and face box; Emognition's self-report). NULL: none.
 */
export class ImageAnnotations1764500000000 implements MigrationInterface {
  name = 'ImageAnnotations1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE images ADD COLUMN annotations jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE images DROP COLUMN annotations`);
  }
}
