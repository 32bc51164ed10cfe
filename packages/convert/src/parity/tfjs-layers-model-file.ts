import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { shortWeightName } from '../keras/hdf5-weights.reader.js';

/**
 * Writes a tfjs-layers model as a TF.js layers model.json plus one weights file, naming each weight
 * "<layer>/<weight>" as the TF.js converter does for Keras models. Returns the model.json path.
 */
export async function writeLayersModel(model: tf.LayersModel, dir: string): Promise<string> {
  const specs: { name: string; shape: number[]; dtype: 'float32' }[] = [];
  const buffers: Buffer[] = [];
  for (const layer of model.layers) {
    const values = layer.getWeights();
    layer.weights.forEach((w, i) => {
      const value = values[i];
      if (value === undefined) throw new Error(`${layer.name} has no value for ${w.originalName}`);
      const data = value.dataSync() as Float32Array;
      specs.push({ name: `${layer.name}/${shortWeightName(w.originalName)}`, shape: value.shape, dtype: 'float32' });
      buffers.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    });
  }
  let topology: unknown;
  await model.save({
    save: async (artifacts) => {
      topology = artifacts.modelTopology;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
  });
  await writeFile(path.join(dir, 'weights.bin'), Buffer.concat(buffers));
  const modelJson = path.join(dir, 'model.json');
  await writeFile(modelJson, JSON.stringify({ format: 'layers-model', modelTopology: topology, weightsManifest: [{ paths: ['weights.bin'], weights: specs }] }));
  return modelJson;
}
