import { open } from 'node:fs/promises';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import type { WeightTensor } from '../weights/weight-tensor.js';
import type { KerasWeights } from './keras-model.converter.js';

export interface KerasHdf5Model {
  modelConfig: unknown;
  weights: KerasWeights;
}

type H5Module = typeof import('h5wasm/node');
type H5Group = InstanceType<H5Module['Group']>;

/**
 * Reads a Keras 2.x full-model HDF5 file (model.save): the `model_config` attribute and, per layer group under
 * `model_weights`, the datasets its `weight_names` attribute lists, keyed by short name ("kernel", "gamma", …).
 */
export async function readKerasHdf5(path: string): Promise<KerasHdf5Model> {
  // h5wasm is ESM-only with an import-only export map, so it is loaded with import() rather than require().
  const h5 = await import('h5wasm/node');
  await h5.ready;
  await requireHdf5Signature(path);
  const file = new h5.File(path, 'r');
  try {
    const configText = attributeText(file, 'model_config');
    if (configText === undefined)
      throw new ConversionError(ConversionErrorCode.BadModelFile, `${path} has no model_config attribute (a weights-only file?); save the full model`);
    const weightsRoot = file.get('model_weights');
    const root = weightsRoot instanceof h5.Group ? weightsRoot : file;
    return { modelConfig: JSON.parse(configText) as unknown, weights: readLayerWeights(h5, root) };
  } finally {
    file.close();
  }
}

const HDF5_SIGNATURE = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);

/** h5wasm does not throw on a missing or non-HDF5 file (it logs HDF5 diagnostics), so check first. */
async function requireHdf5Signature(path: string): Promise<void> {
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      head = Buffer.alloc(HDF5_SIGNATURE.length);
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new ConversionError(ConversionErrorCode.BadModelFile, `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!head.equals(HDF5_SIGNATURE)) throw new ConversionError(ConversionErrorCode.BadModelFile, `${path} is not an HDF5 file (Keras .h5/.hdf5)`);
}

function readLayerWeights(h5: H5Module, root: H5Group): KerasWeights {
  const layers = new Map<string, Map<string, WeightTensor>>();
  for (const layerName of root.keys()) {
    const group = root.get(layerName);
    if (!(group instanceof h5.Group)) continue;
    const names = attributeStrings(group, 'weight_names');
    const weights = new Map<string, WeightTensor>();
    for (const fullName of names) {
      const dataset = group.get(fullName);
      if (!(dataset instanceof h5.Dataset)) throw new ConversionError(ConversionErrorCode.MissingWeight, `layer '${layerName}': weight ${fullName} is listed but absent`);
      weights.set(shortWeightName(fullName), { shape: [...(dataset.shape ?? [])], data: toFloat32(dataset.value, `${layerName}/${fullName}`) });
    }
    layers.set(layerName, weights);
  }
  return layers;
}

/** "conv2d_1_1/kernel:0" -> "kernel". */
export function shortWeightName(fullName: string): string {
  const last = fullName.split('/').pop() ?? fullName;
  return last.replace(/:\d+$/, '');
}

function toFloat32(value: unknown, what: string): Float32Array {
  if (value instanceof Float32Array) return value;
  if (value instanceof Float64Array) return Float32Array.from(value);
  throw new ConversionError(ConversionErrorCode.BadModelFile, `weight ${what} is not float32 or float64`);
}

function attributeText(group: H5Group, name: string): string | undefined {
  const value = group.attrs[name]?.value;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return undefined;
}

function attributeStrings(group: H5Group, name: string): string[] {
  const value = group.attrs[name]?.value;
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  // A layer without weights stores an empty attribute, which h5wasm reads as ''.
  return list.map((v) => (typeof v === 'string' ? v : v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : String(v))).filter((v) => v !== '');
}
