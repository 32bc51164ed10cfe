import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * human_votes.label takes the human vote categories (packages/shared HUMAN_VOTE_CATEGORIES): the canonical emotions
 * 0–7 as before, plus 8 "unknown" and 9 "not-a-face", so every vote FER+ publishes is stored as cast.
 */
export class HumanVoteCategories1764600000000 implements MigrationInterface {
  name = 'HumanVoteCategories1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE human_votes DROP CONSTRAINT human_votes_label_check, ADD CONSTRAINT human_votes_label_check CHECK (label BETWEEN 0 AND 9)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM human_votes WHERE label > 7`);
    await q.query(`ALTER TABLE human_votes DROP CONSTRAINT human_votes_label_check, ADD CONSTRAINT human_votes_label_check CHECK (label BETWEEN 0 AND 7)`);
  }
}
