import { sourceMetadata } from '../source-metadata.js';
import { readKerasHdf5 } from './hdf5-weights.reader.js';
import { convertKerasModel, weightsByLayerName } from './keras-model.converter.js';

/** A Keras 2.x .h5/.hdf5 full model to ONNX bytes. */
export async function convertKerasHdf5(path: string): Promise<Uint8Array> {
  const { modelConfig, weights } = await readKerasHdf5(path);
  return convertKerasModel(modelConfig, weightsByLayerName(weights), await sourceMetadata('keras-hdf5', [path]));
}
