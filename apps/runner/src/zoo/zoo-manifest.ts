import type { ModelCard } from '@ferbench/shared';

/** The format of a source file, as `ferbench convert --from` names it, plus the files that only travel along. */
export const ZOO_SOURCE_FORMATS = ['keras', 'tfjs', 'tfjs-weights', 'faceapi', 'onnx'] as const;
export type ZooSourceFormat = (typeof ZOO_SOURCE_FORMATS)[number];

/** How the model's ONNX comes to be: converted from one of its sources, or the ready ONNX source itself. */
export const ZOO_CONVERT_FROM = ['keras', 'tfjs', 'faceapi', 'ready'] as const;
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

export interface ZooModel {
  /** Folder under the shared models folder. */
  folder: string;
  sources: ZooSource[];
  convert: { from: ZooConvertFrom; input: string };
  card: ZooCard;
}

export interface ZooManifest {
  description: string;
  models: ZooModel[];
}

/** The source format each way of getting the ONNX reads. */
export const SOURCE_FORMAT_FOR: Record<ZooConvertFrom, ZooSourceFormat> = { keras: 'keras', tfjs: 'tfjs', faceapi: 'faceapi', ready: 'onnx' };

/** The full card once the ONNX file is known. */
export function zooModelCard(model: ZooModel, file: string, sha256: string): ModelCard {
  return { ...model.card, file, sha256 };
}
