import { open } from 'node:fs/promises';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import type { WeightTensor } from '../weights/weight-tensor.js';
import type { KerasWeights } from './keras-model.converter.js';

export interface KerasHdf5Model {
  modelConfig: unknown;
  weights: KerasWeights;
}

/** One weight of a weights-only file, in the file's order: its layer, its full name, its values. */
export interface StoredKerasWeight {
  layer: string;
  name: string;
  tensor: WeightTensor;
}

type H5Module = typeof import('h5wasm/node');
type H5Group = InstanceType<H5Module['Group']>;

/**
 * Reads a Keras 2.x full-model HDF5 file (model.save): the `model_config` attribute and, per layer group under
 * `model_weights`, the datasets its `weight_names` attribute lists, keyed by short name ("kernel", "gamma", …).
 */
export function readKerasHdf5(path: string): Promise<KerasHdf5Model> {
  return withHdf5File(path, (h5, file, root) => {
    const configText = attributeText(file, 'model_config');
    if (configText === undefined)
      throw new ConversionError(
        ConversionErrorCode.BadModelFile,
        `${path} has no model_config attribute (a weights-only file: convert it with --architecture model.json)`,
      );
    const weights = new Map<string, Map<string, WeightTensor>>();
    for (const w of readWeightList(h5, root, path)) {
      const layer = weights.get(w.layer) ?? new Map<string, WeightTensor>();
      layer.set(shortWeightName(w.name), w.tensor);
      weights.set(w.layer, layer);
    }
    return { modelConfig: JSON.parse(configText) as unknown, weights };
  });
}

/**
 * Every weight of a Keras HDF5 file (model.save_weights or model.save) in the order Keras wrote them: the root's
 * `layer_names`, then each layer's `weight_names`. That order is the model's own weight order.
 */
export function readKerasHdf5WeightList(path: string): Promise<StoredKerasWeight[]> {
  return withHdf5File(path, (h5, _file, root) => readWeightList(h5, root, path));
}

// h5wasm is ESM-only with an import-only export map, so it is loaded with import() rather than require().
async function withHdf5File<T>(path: string, read: (h5: H5Module, file: H5Group, weightsRoot: H5Group) => T): Promise<T> {
  const h5 = await import('h5wasm/node');
  await h5.ready;
  await requireHdf5Signature(path);
  const file = new h5.File(path, 'r');
  try {
    const weightsRoot = file.get('model_weights');
    return read(h5, file, weightsRoot instanceof h5.Group ? weightsRoot : file);
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

function readWeightList(h5: H5Module, root: H5Group, path: string): StoredKerasWeight[] {
  const listed = attributeStrings(root, 'layer_names');
  // Files that do not list their layers (rare writers) fall back to the groups, in HDF5's (alphabetical) order.
  const layerNames = listed.length > 0 ? listed : root.keys();
  const weights: StoredKerasWeight[] = [];
  for (const layer of layerNames) {
    const group = root.get(layer);
    if (!(group instanceof h5.Group)) {
      if (listed.length > 0) throw new ConversionError(ConversionErrorCode.BadModelFile, `${path}: layer '${layer}' is listed in layer_names but has no group`);
      continue;
    }
    for (const name of attributeStrings(group, 'weight_names')) {
      const dataset = group.get(name);
      if (!(dataset instanceof h5.Dataset)) throw new ConversionError(ConversionErrorCode.MissingWeight, `${path}: layer '${layer}': weight ${name} is listed but absent`);
      weights.push({ layer, name, tensor: { shape: [...(dataset.shape ?? [])], data: toFloat32(dataset.value, `${layer}/${name}`) } });
    }
  }
  return weights;
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
  // An empty attribute (a layer without weights) reads as '' or as {}, depending on how it was written.
  if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (typeof v === 'string' ? v : v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : String(v))).filter((v) => v !== '');
}
