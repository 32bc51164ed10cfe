import type { DetectedFace, Point } from './face.js';
import { nms } from './nms.js';

/** YuNet's feature strides; its outputs are cls_<s>, obj_<s>, bbox_<s>, kps_<s> for each. */
export const YUNET_STRIDES = [8, 16, 32] as const;

/** The raw outputs of one image at one stride: one prior per grid cell, row-major. */
export interface YunetStrideOutput {
  cls: Float32Array;
  obj: Float32Array;
  /** 4 per prior: centre offset (dx, dy) in cells, log width, log height in strides. */
  bbox: Float32Array;
  /** 10 per prior: five landmarks as offsets in cells. */
  kps: Float32Array;
}

export interface YunetDecodeOptions {
  /** The padded input's size (a multiple of 32). */
  width: number;
  height: number;
  /** OpenCV zoo's demos use 0.9. */
  scoreThreshold: number;
  /** OpenCV zoo's demos use 0.3. */
  nmsThreshold: number;
  topK?: number;
}

/**
 * YuNet's outputs → faces, exactly as OpenCV's FaceDetectorYN::postProcess (2023mar model): per stride, one
 * prior per cell of a (width/stride × height/stride) grid; score = sqrt(clamp(cls)·clamp(obj)); box centre =
 * (cell + offset)·stride, size = exp(log size)·stride; landmarks = (cell + offset)·stride; then NMS.
 * Coordinates are those of the network input.
 */
export function decodeYunet(outputs: Readonly<Record<number, YunetStrideOutput>>, options: YunetDecodeOptions): DetectedFace[] {
  const faces: DetectedFace[] = [];
  for (const stride of YUNET_STRIDES) {
    const out = outputs[stride];
    if (out === undefined) throw new Error(`YuNet output for stride ${stride} is missing`);
    const cols = Math.floor(options.width / stride);
    const rows = Math.floor(options.height / stride);
    if (out.cls.length !== cols * rows)
      throw new Error(`YuNet cls_${stride} has ${out.cls.length} priors, expected ${cols}×${rows} for a ${options.width}×${options.height} input`);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const idx = r * cols + c;
        const clsScore = clamp01(out.cls[idx] as number);
        const objScore = clamp01(out.obj[idx] as number);
        const score = Math.sqrt(clsScore * objScore);
        if (score < options.scoreThreshold) continue;
        const b = idx * 4;
        const cx = (c + (out.bbox[b] as number)) * stride;
        const cy = (r + (out.bbox[b + 1] as number)) * stride;
        const w = Math.exp(out.bbox[b + 2] as number) * stride;
        const h = Math.exp(out.bbox[b + 3] as number) * stride;
        const landmarks: Point[] = [];
        for (let k = 0; k < 5; k++) landmarks.push([((out.kps[idx * 10 + 2 * k] as number) + c) * stride, ((out.kps[idx * 10 + 2 * k + 1] as number) + r) * stride]);
        faces.push({ box: { x: cx - w / 2, y: cy - h / 2, width: w, height: h }, score, landmarks });
      }
    }
  }
  const kept = nms(
    faces.map((f) => f.box),
    faces.map((f) => f.score),
    options.nmsThreshold,
    options.topK ?? 5000,
  );
  return kept.map((i) => faces[i] as DetectedFace);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
