import { readFile } from 'node:fs/promises';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { sourceMetadata } from '../source-metadata.js';
import { readKerasHdf5WeightList } from './hdf5-weights.reader.js';
import { convertKerasModel } from './keras-model.converter.js';
import { orderedWeights } from './ordered-weights.js';

/**
 * A Keras weights-only HDF5 (model.save_weights) plus its architecture, a Keras model JSON as model.to_json()
 * writes it, to ONNX bytes. The weights are assigned by position (see ordered-weights.ts).
 */
export async function convertKerasWeightsOnly(weightsPath: string, architecturePath: string): Promise<Uint8Array> {
  const architecture = await readArchitecture(architecturePath);
  const stored = await readKerasHdf5WeightList(weightsPath);
  return convertKerasModel(architecture, orderedWeights(weightsPath, stored), await sourceMetadata('keras-hdf5-weights', [weightsPath, architecturePath]));
}

async function readArchitecture(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConversionError(ConversionErrorCode.BadModelFile, `cannot read the architecture ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConversionError(
      ConversionErrorCode.BadModelFile,
      `the architecture ${file} is not JSON (expected a Keras model JSON as model.to_json() writes it): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
