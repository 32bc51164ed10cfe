import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { convertFaceExpressionNet } from './faceapi/face-expression-net.converter.js';
import { convertKerasHdf5 } from './keras/keras-hdf5.converter.js';
import { convertTfjs } from './tfjs/tfjs.converter.js';

/** Source formats: a Keras HDF5 file, a TF.js model.json (graph or layers), face-api's expression weights manifest. */
export const SOURCE_FORMATS = ['keras', 'tfjs', 'faceapi'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

const converters: Record<SourceFormat, (input: string) => Promise<Uint8Array>> = {
  keras: convertKerasHdf5,
  tfjs: convertTfjs,
  faceapi: convertFaceExpressionNet,
};

/** Converts a model file to ONNX bytes; the same input always gives the same bytes. */
export function convertModel(input: string, from: SourceFormat): Promise<Uint8Array> {
  return converters[from](path.resolve(input));
}

/** Converts and writes the ONNX file, creating its folder. */
export async function convertModelFile(input: string, from: SourceFormat, out: string): Promise<Uint8Array> {
  const bytes = await convertModel(input, from);
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await writeFile(out, bytes);
  return bytes;
}
