
/** A point in image pixel coordinates (OpenCV's convention: pixel (0, 0)'s centre is at 0, 0). */
export type Point = readonly [x: number, y: number];

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One detected face: its box, the detector's confidence and five landmarks in YuNet's order: right eye, left
 * eye (as seen in the image: the first is on the left of the picture), nose tip, right and left mouth corners.
 */
export interface DetectedFace {
  box: FaceBox;
  score: number;
  landmarks: Point[];
}
