import { type DetectedFace, type DetectorInfo, type Point, float32Face } from '@ferbench/inference';
import type pg from 'pg';

/** What the detector found in one image: its best face and how many it found (0: no face, `face` null). */
export interface ImageDetection {
  imageSha256: string;
  faceCount: number;
  face: DetectedFace | null;
}

interface DetectionRow {
  image_sha256: string;
  face_count: number;
  score: number | null;
  box: number[] | null;
  landmarks: number[] | null;
}

/** The cached detections of these images (by content sha256) by this detector; images never detected are absent. */
export async function cachedDetections(client: pg.PoolClient | pg.Pool, detector: DetectorInfo, imageSha256s: readonly string[]): Promise<Map<string, ImageDetection>> {
  const { rows } = await client.query<DetectionRow>(
    `SELECT image_sha256, face_count, score, box, landmarks FROM face_detections WHERE detector_sha256 = $1 AND image_sha256 = ANY($2::char(64)[])`,
    [detector.sha256, imageSha256s],
  );
  return new Map(
    rows.map((r) => {
      const face: DetectedFace | null =
        r.box === null || r.landmarks === null || r.score === null
          ? null
          : float32Face({
              score: r.score,
              box: { x: r.box[0] as number, y: r.box[1] as number, width: r.box[2] as number, height: r.box[3] as number },
              landmarks: [0, 1, 2, 3, 4].map((k) => [r.landmarks?.[2 * k] as number, r.landmarks?.[2 * k + 1] as number] as Point),
            });
      return [r.image_sha256, { imageSha256: r.image_sha256, faceCount: r.face_count, face }];
    }),
  );
}

/** Records detections; one already recorded (another process got there first) is kept as it is. */
export async function storeDetections(client: pg.PoolClient | pg.Pool, detector: DetectorInfo, detections: readonly ImageDetection[]): Promise<void> {
  if (detections.length === 0) return;
  const faces = detections.map((d) => d.face);
  await client.query(
    `INSERT INTO face_detections (image_sha256, detector_sha256, detector_id, face_count, score, box, landmarks)
     SELECT s, $1, $2, n, score, CASE WHEN box = '' THEN NULL ELSE box::real[] END, CASE WHEN lm = '' THEN NULL ELSE lm::real[] END
     FROM unnest($3::char(64)[], $4::int[], $5::real[], $6::text[], $7::text[]) AS t(s, n, score, box, lm)
     ON CONFLICT (image_sha256, detector_sha256) DO NOTHING`,
    [
      detector.sha256,
      detector.id,
      detections.map((d) => d.imageSha256),
      detections.map((d) => d.faceCount),
      faces.map((f) => f?.score ?? null),
      faces.map((f) => (f === null ? '' : `{${[f.box.x, f.box.y, f.box.width, f.box.height].join(',')}}`)),
      faces.map((f) => (f === null ? '' : `{${f.landmarks.flat().join(',')}}`)),
    ],
  );
}
