import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConversionError, ConversionErrorCode } from './conversion-error.js';
import { convertFaceExpressionNet } from './faceapi/face-expression-net.converter.js';
import { convertKerasHdf5 } from './keras/keras-hdf5.converter.js';
import { convertKerasWeightsOnly } from './keras/keras-weights-only.converter.js';
import { convertTflite } from './tflite/tflite.converter.js';
import { convertTfjs } from './tfjs/tfjs.converter.js';

/**
 * Source formats: a Keras HDF5 file (a full model, or weights only with an architecture JSON), a TF.js model.json
 * (graph or layers), face-api's expression weights manifest, a TFLite flatbuffer.
 */
export const SOURCE_FORMATS = ['keras', 'tfjs', 'faceapi', 'tflite'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface ConvertOptions {
  /** keras only: the model's architecture (model.to_json()) for a weights-only HDF5 file. */
  architecture?: string | undefined;
}

const converters: Record<SourceFormat, (input: string) => Promise<Uint8Array>> = {
  keras: convertKerasHdf5,
  tfjs: convertTfjs,
  faceapi: convertFaceExpressionNet,
  tflite: convertTflite,
};

/** Converts a model file to ONNX bytes; the same input always gives the same bytes. */
export function convertModel(input: string, from: SourceFormat, options: ConvertOptions = {}): Promise<Uint8Array> {
  if (options.architecture !== undefined) {
    if (from !== 'keras')
      throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `an architecture file goes with a Keras weights-only file (--from keras), not --from ${from}`);
    return convertKerasWeightsOnly(path.resolve(input), path.resolve(options.architecture));
  }
  return converters[from](path.resolve(input));
}

/** Converts and writes the ONNX file, creating its folder. */
export async function convertModelFile(input: string, from: SourceFormat, out: string, options: ConvertOptions = {}): Promise<Uint8Array> {
  const bytes = await convertModel(input, from, options);
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await writeFile(out, bytes);
  return bytes;
}
