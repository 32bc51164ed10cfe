import { type DetectedFace, type Point, YUNET, float32Face } from '@ferbench/inference';
import type { DataSource } from 'typeorm';

export class PerturbedImageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** YuNet's cached best face in the image (by content sha256), as float32 like the runs read it; null if none. */
  async face(imageSha256: string): Promise<DetectedFace | null> {
    const rows: { score: number; box: number[]; landmarks: number[] }[] = await this.dataSource.query(
      `SELECT score, box, landmarks FROM face_detections WHERE image_sha256 = $1 AND detector_sha256 = $2 AND face_count > 0`,
      [imageSha256, YUNET.sha256],
    );
    const r = rows[0];
    if (r === undefined) return null;
    return float32Face({
      score: r.score,
      box: { x: r.box[0]!, y: r.box[1]!, width: r.box[2]!, height: r.box[3]! },
      landmarks: [0, 1, 2, 3, 4].map((k) => [r.landmarks[2 * k]!, r.landmarks[2 * k + 1]!] as Point),
    });
  }
}
