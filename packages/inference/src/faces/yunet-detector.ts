import * as ort from 'onnxruntime-node';
import type { ExecutionProviderChoice } from '../execution-providers.js';
import { SESSION_OPTIONS } from '../ort-model.js';
import type { Pixels } from '../pixels.js';
import { resizeImage } from '../resize-image.js';
import type { DetectedFace } from './face.js';
import { YUNET_STRIDES, type YunetStrideOutput, decodeYunet } from './yunet-decode.js';

/** The face detector every crop policy uses, and the file it is read from (under FERBENCH_DETECTORS). */
export const YUNET = {
  id: 'yunet-2023mar',
  /** The dynamic-size export of the 2023mar weights (the 640×640 file only takes 640×640). */
  file: 'yunet-2023mar/yunet_s_dynamic.onnx',
  sha256: 'daede24002cc8590f457998cc5e6c9e8b82f45f6bd969506a8913cd4ed10a2d3',
  /**
   * OpenCV zoo's demos keep faces scoring ≥ 0.9; on tight face crops (RAF-DB's aligned faces, muxspace's heads)
   * YuNet scores lower, and 0.9 finds a face in only ~86 % of them, 0.6 in ~98 % (docs/faces.md).
   */
  scoreThreshold: 0.6,
  /** NMS at IoU 0.3, top 5000, as OpenCV zoo's demos. */
  nmsThreshold: 0.3,
  topK: 5000,
  /** Larger images are shrunk (aspect kept) to this longest side before detection; boxes are scaled back. */
  maxSide: 640,
  /**
   * Smaller images are enlarged to this shortest side (within maxSide): YuNet's finest stride is 8 pixels, and
   * on 48×48 FER2013 faces it finds a face in 25 % at their own size, 98 % at 160×160.
   */
  minSide: 160,
} as const;

export interface DetectorInfo {
  id: string;
  sha256: string;
}

/** The factor an image is resized by before detection: into [minSide, maxSide], aspect kept. */
export function detectionScale(width: number, height: number): number {
  const longest = Math.max(width, height);
  if (longest > YUNET.maxSide) return YUNET.maxSide / longest;
  return Math.max(1, Math.min(YUNET.minSide / Math.min(width, height), YUNET.maxSide / longest));
}

/** Padding to a multiple of the largest stride, zeros right and bottom, as OpenCV's FaceDetectorYN does. */
function padded(n: number): number {
  return Math.ceil(n / 32) * 32;
}

/**
 * YuNet, loaded once: owns an onnxruntime session and finds every face in an image, as OpenCV's FaceDetectorYN
 * does (BGR, raw 0..255 values, zero-padded to multiples of 32, decode + NMS). Faces come best first, in the
 * image's own pixel coordinates. Call release() when done.
 */
export class YunetDetector {
  private constructor(
    readonly info: DetectorInfo,
    private readonly session: ort.InferenceSession,
  ) {}

  static async open(file: string, providers: ExecutionProviderChoice, info: DetectorInfo = YUNET): Promise<YunetDetector> {
    const session = await ort.InferenceSession.create(file, { executionProviders: providers.providers, ...SESSION_OPTIONS });
    return new YunetDetector(info, session);
  }

  async detect(image: Pixels): Promise<DetectedFace[]> {
    const factor = detectionScale(image.width, image.height);
    const input =
      factor !== 1
        ? await resizeImage(image, { width: Math.max(1, Math.round(image.width * factor)), height: Math.max(1, Math.round(image.height * factor)), resize: 'linear' })
        : image;
    const width = padded(input.width);
    const height = padded(input.height);
    const tensor = bgrPlanes(input, width, height);
    const result = await this.session.run({ input: new ort.Tensor('float32', tensor, [1, 3, height, width]) });
    const outputs: Record<number, YunetStrideOutput> = {};
    for (const s of YUNET_STRIDES) {
      const get = (name: string): Float32Array => {
        const t = result[`${name}_${s}`];
        if (t === undefined) throw new Error(`YuNet returned no ${name}_${s}`);
        return t.data as Float32Array;
      };
      outputs[s] = { cls: get('cls'), obj: get('obj'), bbox: get('bbox'), kps: get('kps') };
    }
    const faces = decodeYunet(outputs, { width, height, scoreThreshold: YUNET.scoreThreshold, nmsThreshold: YUNET.nmsThreshold, topK: YUNET.topK });
    for (const t of Object.values(result)) t.dispose();
    // Back to the caller's pixels: the resize's scale (sharp maps pixel centres, hence the half-pixel terms).
    const sx = image.width / input.width;
    const sy = image.height / input.height;
    if (sx === 1 && sy === 1) return faces;
    const px = (x: number): number => (x + 0.5) * sx - 0.5;
    const py = (y: number): number => (y + 0.5) * sy - 0.5;
    return faces.map((f) => ({
      score: f.score,
      box: { x: px(f.box.x), y: py(f.box.y), width: f.box.width * sx, height: f.box.height * sy },
      landmarks: f.landmarks.map(([x, y]) => [px(x), py(y)] as const),
    }));
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

/** The image as a 1×3×height×width BGR float tensor of raw 0..255 values, zero beyond its own size. */
function bgrPlanes(image: Pixels, width: number, height: number): Float32Array {
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  const { data, channels } = image;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * channels;
      const o = y * width + x;
      if (channels === 1) {
        const v = data[i] as number;
        out[o] = v;
        out[plane + o] = v;
        out[2 * plane + o] = v;
      } else {
        out[o] = data[i + 2] as number;
        out[plane + o] = data[i + 1] as number;
        out[2 * plane + o] = data[i] as number;
      }
    }
  }
  return out;
}
