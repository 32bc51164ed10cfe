import type { ModelCard } from '@ferbench/shared';

/** The format of a source file, as `ferbench convert --from` names it, plus the files that only travel along. */
export const ZOO_SOURCE_FORMATS = ['keras', 'tfjs', 'tfjs-weights', 'faceapi', 'tflite', 'onnx'] as const;
export type ZooSourceFormat = (typeof ZOO_SOURCE_FORMATS)[number];

/** How the model's ONNX comes to be: converted from one of its sources, or the ready ONNX source itself. */
export const ZOO_CONVERT_FROM = ['keras', 'tfjs', 'faceapi', 'tflite', 'ready'] as const;
export type ZooConvertFrom = (typeof ZOO_CONVERT_FROM)[number];

export interface ZooSource {
  /** Path inside the model's folder. */
  file: string;
  format: ZooSourceFormat;
  size: number;
  sha256: string;
  /** Where the file was published. */
  url: string;
}

/** A model card before its ONNX exists: everything but `file` and `sha256`. */
export type ZooCard = Omit<ModelCard, 'file' | 'sha256'>;

/** One file of an npm package that is also one of the model's sources (same role, its own recorded hash). */
export interface ZooNpmFile {
  /** Path inside the package (without the tarball's leading package/). */
  path: string;
  /** The source it stands in for: a `file` of the model's sources. */
  file: string;
  size: number;
  sha256: string;
}

/** An npm package that carries the files the model's ONNX is made from: the fallback without the model folder. */
export interface ZooNpmSource {
  package: string;
  /** An exact version, so the bytes are the ones recorded here. */
  version: string;
  files: ZooNpmFile[];
}

export interface ZooModel {
  /** Folder under the shared models folder. */
  folder: string;
  sources: ZooSource[];
  /** Where the files needed to make the ONNX are also published on npm. */
  npm?: ZooNpmSource;
  /**
   * `architecture` (keras only): for a weights-only HDF5, the model JSON written in this project, relative to the
   * zoo folder (packages/models/zoo), e.g. architectures/<id>.json.
   */
  convert: { from: ZooConvertFrom; input: string; architecture?: string };
  card: ZooCard;
  /**
   * The same ONNX under other ids with another preprocessing (e.g. crop 'align' instead of 'none'), so that the
   * leaderboard shows what the preprocessing changes. Installed and registered with the model.
   */
  variants?: ZooCard[];
}

export interface ZooManifest {
  description: string;
  models: ZooModel[];
}

/** The source format each way of getting the ONNX reads. */
export const SOURCE_FORMAT_FOR: Record<ZooConvertFrom, ZooSourceFormat> = { keras: 'keras', tfjs: 'tfjs', faceapi: 'faceapi', tflite: 'tflite', ready: 'onnx' };

/** The full card once the ONNX file is known. */
export function zooModelCard(model: ZooModel, file: string, sha256: string): ModelCard {
  return { ...model.card, file, sha256 };
}

/** The model's card and its variants' cards, in that order, once the ONNX file is known. */
export function zooModelCards(model: ZooModel, file: string, sha256: string): ModelCard[] {
  return [model.card, ...(model.variants ?? [])].map((card) => ({ ...card, file, sha256 }));
}
