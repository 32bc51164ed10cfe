import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * human_ratings: people's graded judgement of how much a face shows an emotion, as a dataset publishes it — not a
 * vote for one label (human_votes) but a mean intensity on a rating scale (JAFFE: the mean of 60 Japanese raters'
 * 1..5 ratings of each photo for each of six emotions). One row per (image, canonical emotion rated); an emotion the
 * dataset did not ask about has no row (JAFFE rates no neutral), never a made-up minimum. The individual ratings are
 * not published, so only their mean, the scale and the number of raters are kept.
 */
export class HumanRatings1765100000000 implements MigrationInterface {
  name = 'HumanRatings1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE human_ratings (
        image_id   bigint NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        label      smallint NOT NULL CHECK (label BETWEEN 0 AND 7),
        mean       double precision NOT NULL,
        scale_min  smallint NOT NULL,
        scale_max  smallint NOT NULL,
        raters     integer NOT NULL CHECK (raters > 0),
        CONSTRAINT human_ratings_pkey PRIMARY KEY (image_id, label),
        CONSTRAINT human_ratings_scale CHECK (scale_min < scale_max AND mean BETWEEN scale_min AND scale_max)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE human_ratings`);
  }
}
