import path from 'node:path';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { shortWeightName } from '../keras/hdf5-weights.reader.js';
import { type KerasWeights, convertKerasModel, weightsByLayerName } from '../keras/keras-model.converter.js';
import { sourceMetadata } from '../source-metadata.js';
import { readTfjsWeights, type TfjsWeight } from '../weights/tfjs-weights.reader.js';
import type { WeightTensor } from '../weights/weight-tensor.js';
import { convertTfjsGraph } from './tfjs-graph.converter.js';
import { readTfjsModelJson, type TfNode } from './tfjs-model-json.js';

/**
 * A TF.js model (model.json plus its weight shards) to ONNX bytes. Graph models go through the TensorFlow op
 * converter; layers models carry a Keras config, so they reuse the Keras layer converter.
 */
export async function convertTfjs(modelJsonPath: string): Promise<Uint8Array> {
  const model = await readTfjsModelJson(modelJsonPath);
  const dir = path.dirname(modelJsonPath);
  const weights = await readTfjsWeights(dir, model.weightsManifest);
  const files = [modelJsonPath, ...model.weightsManifest.flatMap((group) => group.paths.map((p) => path.join(dir, p)))];
  if (model.kind === 'layers')
    return convertKerasModel(model.modelTopology, weightsByLayerName(groupByLayer(weights)), await sourceMetadata('tfjs-layers-model', files));
  const declared = Object.values(model.signature?.outputs ?? {}).map((o) => o.name.replace(/:0$/, ''));
  const outputs = declared.length > 0 ? declared : terminalNodes(model.nodes);
  return convertTfjsGraph({ nodes: model.nodes, outputs, weights }, await sourceMetadata('tfjs-graph-model', files));
}

/** Layers-model weight names are "<layer>/<weight>" (e.g. "conv2d_1/kernel"). */
function groupByLayer(weights: ReadonlyMap<string, TfjsWeight>): KerasWeights {
  const layers = new Map<string, Map<string, WeightTensor>>();
  for (const [name, weight] of weights) {
    if (weight.dtype !== 'float32') throw new ConversionError(ConversionErrorCode.BadModelFile, `layers-model weight ${name} is not float32`);
    const layer = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : name;
    const group = layers.get(layer) ?? new Map<string, WeightTensor>();
    group.set(shortWeightName(name), { shape: weight.shape, data: weight.data });
    layers.set(layer, group);
  }
  return layers;
}

function terminalNodes(nodes: readonly TfNode[]): string[] {
  const read = new Set(nodes.flatMap((n) => (n.input ?? []).map((ref) => ref.replace(/^\^/, '').replace(/:\d+$/, ''))));
  return nodes.filter((n) => !read.has(n.name) && n.op !== 'Const' && n.op !== 'NoOp').map((n) => n.name);
}
