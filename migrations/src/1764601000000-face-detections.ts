import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * face_detections: what a face detector found in an image, found once and reused by every model whose card
 * crops or aligns (apps/runner/src/faces). Keyed by the image's content and the detector file's sha256, so a
 * re-import or a second dataset holding the same image reuses it, and another detector file starts afresh.
 * face_count 0 records "no face"; otherwise the best face (highest score) is kept: its box (x, y, width, height)
 * and five landmarks (x1, y1, … x5, y5) in the image's pixels.
 */
export class FaceDetections1764601000000 implements MigrationInterface {
  name = 'FaceDetections1764601000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE face_detections (
        image_sha256     char(64) NOT NULL,
        detector_sha256  char(64) NOT NULL,
        detector_id      text NOT NULL,
        face_count       integer NOT NULL CHECK (face_count >= 0),
        score            real CHECK (score BETWEEN 0 AND 1),
        box              real[] CHECK (cardinality(box) = 4),
        landmarks        real[] CHECK (cardinality(landmarks) = 10),
        detected_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (image_sha256, detector_sha256),
        CONSTRAINT face_detections_face CHECK ((face_count = 0) = (score IS NULL) AND (score IS NULL) = (box IS NULL) AND (box IS NULL) = (landmarks IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE face_detections`);
  }
}
