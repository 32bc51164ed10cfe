import type { Emotion } from '../taxonomy/emotions.js';

/**
 * What the runner needs to know to run a model exactly as its authors trained it. Every preprocessing number
 * lives here; the runner infers nothing.
 *
 * Pixel transform, per channel c: x' = (x * scale - mean[c]) / std[c], x being the 0..255 pixel value.
 */
export interface ModelCard {
  id: string;
  name: string;
  version: string;
  /** File name of the ONNX model, relative to the configured model folder. */
  file: string;
  /** sha256 of the ONNX file, hex. */
  sha256: string;
  /**
   * `unlicensed`: the authors state no licence (all rights reserved). Such a model is evaluated but never
   * redistributed, and a public deployment can leave it off the board (FERBENCH_HIDE_UNLICENSED).
   */
  source: { url: string; licence: string; unlicensed?: boolean };
  trainingData: string;
  architecture: string;
  input: ModelInput;
  output: ModelOutput;
  notes?: string;
  /** 'ensemble': a virtual model whose predictions are computed from its members' stored ones (no file to run). */
  kind?: 'onnx' | 'ensemble';
  ensemble?: EnsembleSpec;
}

export type EnsembleRule = 'mean' | 'vote';

/**
 * mean: the average of the members' canonical probability vectors over the labels all members can emit,
 * renormalised; vote: the most frequent label, ties to the higher summed probability, then canonical order.
 */
export interface EnsembleSpec {
  rule: EnsembleRule;
  members: string[];
  /** Built in (zoo-mean, zoo-vote): the members are the registered zoo models, re-read on every refresh. */
  builtin?: boolean;
}

export function isEnsembleCard(card: ModelCard): card is ModelCard & { kind: 'ensemble'; ensemble: EnsembleSpec } {
  return card.kind === 'ensemble' && card.ensemble !== undefined;
}

export type Layout = 'NCHW' | 'NHWC';
export type ColorSpace = 'grayscale' | 'rgb' | 'bgr';
/** none: the image is used as it is (a face crop); detect: crop the detected face box; align: 5-point alignment. */
export type CropPolicy = 'none' | 'detect' | 'align';

export interface ModelInput {
  name: string;
  layout: Layout;
  width: number;
  height: number;
  channels: 1 | 3;
  colorSpace: ColorSpace;
  crop: CropPolicy;
  /** Extra margin around a detected box, as a fraction of its size (crop = detect). */
  margin?: number;
  /** Resize kernel as sharp names it; area averaging is what OpenCV's INTER_AREA does for shrinking. */
  resize: 'nearest' | 'linear' | 'cubic' | 'lanczos3';
  scale: number;
  mean: number[];
  std: number[];
  /** Fixed batch size the graph accepts, or 'dynamic'. */
  batch: number | 'dynamic';
}

export interface ModelOutput {
  name: string;
  kind: 'logits' | 'probabilities';
  /** The model's class names in output index order. */
  labels: string[];
  /** Each class name's canonical emotion (null: none). */
  labelMap: Record<string, Emotion | null>;
}
