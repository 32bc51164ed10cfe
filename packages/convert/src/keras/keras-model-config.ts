import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { KerasLayerConfig } from './keras-layer-config.js';

/** One application of a layer: which values it reads and the value it writes (`layer:node:tensor` keys). */
export interface KerasLayerCall {
  config: KerasLayerConfig;
  inputs: string[];
  output: string;
}

export interface KerasGraphInput {
  name: string;
  /** Batch-first, channels-last; the batch is null. */
  shape: (number | null)[];
  output: string;
}

/** A Keras model as a list of layer calls in the order they may be run. */
export interface KerasModelGraph {
  name: string;
  inputs: KerasGraphInput[];
  calls: KerasLayerCall[];
  outputs: { name: string; value: string }[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const key = (layer: string, node: number, tensor: number) => `${layer}:${node}:${tensor}`;

/**
 * Reads a Keras 2.x `model_config` (the JSON in an HDF5 file's attribute or a TF.js layers model's
 * modelTopology): Sequential (a chain) or Functional ("Model"/"Functional", an explicit graph).
 */
export function parseKerasModelConfig(modelConfig: unknown): KerasModelGraph {
  const root = isObject(modelConfig) && isObject(modelConfig['model_config']) ? modelConfig['model_config'] : modelConfig;
  if (!isObject(root)) throw bad('model_config is not a JSON object');
  const className = root['class_name'];
  if (className === 'Sequential') return parseSequential(root['config']);
  if (className === 'Model' || className === 'Functional') return parseFunctional(root['config']);
  throw bad(`unknown model class ${JSON.stringify(className)} (expected Sequential, Model or Functional)`);
}

function parseSequential(config: unknown): KerasModelGraph {
  // Keras ≤ 2.2 wrote the layer list itself; later versions wrap it in {name, layers}.
  const layers = Array.isArray(config) ? config : isObject(config) ? config['layers'] : undefined;
  const name = isObject(config) && typeof config['name'] === 'string' ? config['name'] : 'sequential';
  if (!Array.isArray(layers) || layers.length === 0) throw bad('Sequential model without layers');
  const configs = layers.map(layerConfig);
  const first = configs[0];
  if (first === undefined) throw bad('Sequential model without layers');
  const inputs: KerasGraphInput[] = [];
  let body = configs;
  if (first.className === 'InputLayer') {
    inputs.push({ name: first.layerName, shape: inputShape(first), output: key(first.layerName, 0, 0) });
    body = configs.slice(1);
  } else {
    // Keras names the implicit input after the first layer.
    const inputName = `${first.layerName}_input`;
    inputs.push({ name: inputName, shape: inputShape(first), output: key(inputName, 0, 0) });
  }
  const calls: KerasLayerCall[] = [];
  let previous = inputs[0]?.output ?? '';
  for (const c of body) {
    const output = key(c.layerName, 0, 0);
    calls.push({ config: c, inputs: [previous], output });
    previous = output;
  }
  const last = body[body.length - 1];
  if (last === undefined) throw bad('Sequential model has only an input layer');
  return { name, inputs, calls, outputs: [{ name: last.layerName, value: previous }] };
}

function parseFunctional(config: unknown): KerasModelGraph {
  if (!isObject(config) || !Array.isArray(config['layers'])) throw bad('functional model without a layers list');
  const name = typeof config['name'] === 'string' ? config['name'] : 'model';
  const entries = config['layers'].map((entry: unknown) => ({ entry, config: layerConfig(entry) }));
  const inputs: KerasGraphInput[] = [];
  const calls: KerasLayerCall[] = [];
  for (const { entry, config: c } of entries) {
    if (c.className === 'InputLayer') {
      inputs.push({ name: c.layerName, shape: inputShape(c), output: key(c.layerName, 0, 0) });
      continue;
    }
    const nodes = isObject(entry) ? entry['inbound_nodes'] : undefined;
    if (!Array.isArray(nodes)) throw bad(`layer '${c.layerName}' has no inbound_nodes`);
    nodes.forEach((node: unknown, nodeIndex) => {
      if (!Array.isArray(node))
        throw bad(`layer '${c.layerName}': inbound node in a format other than Keras 2's [[layer, node, tensor, kwargs], ...]`);
      calls.push({ config: c, inputs: node.map((ref: unknown) => tensorRef(ref, c.layerName)), output: key(c.layerName, nodeIndex, 0) });
    });
  }
  const outputs = refList(config['output_layers'], 'output_layers').map((ref) => ({ name: ref.layer, value: key(ref.layer, ref.node, ref.tensor) }));
  const declaredInputs = refList(config['input_layers'], 'input_layers').map((ref) => ref.layer);
  const ordered = declaredInputs.map((n) => inputs.find((i) => i.name === n) ?? missingInput(n));
  return { name, inputs: ordered, calls: topologicalOrder(calls, new Set(ordered.map((i) => i.output))), outputs };
}

/** Keras writes layers in a runnable order, but nothing requires it: order them by their inputs. */
function topologicalOrder(calls: KerasLayerCall[], available: Set<string>): KerasLayerCall[] {
  const ordered: KerasLayerCall[] = [];
  let pending = calls;
  while (pending.length > 0) {
    const ready = pending.filter((c) => c.inputs.every((i) => available.has(i)));
    if (ready.length === 0) throw bad(`layers ${pending.map((c) => `'${c.config.layerName}'`).join(', ')} read values no layer produces`);
    for (const c of ready) {
      ordered.push(c);
      available.add(c.output);
    }
    pending = pending.filter((c) => !ready.includes(c));
  }
  return ordered;
}

function layerConfig(entry: unknown): KerasLayerConfig {
  if (!isObject(entry) || typeof entry['class_name'] !== 'string' || !isObject(entry['config'])) throw bad('a layer entry without class_name and config');
  const inner = entry['config'];
  const name = typeof entry['name'] === 'string' ? entry['name'] : inner['name'];
  if (typeof name !== 'string') throw bad(`a ${entry['class_name']} layer without a name`);
  return new KerasLayerConfig(name, entry['class_name'], inner);
}

function inputShape(c: KerasLayerConfig): (number | null)[] {
  if (c.has('batch_input_shape')) return c.shape('batch_input_shape');
  if (c.has('batch_shape')) return c.shape('batch_shape');
  throw bad(`layer '${c.layerName}' declares no batch_input_shape, so the model's input size is unknown`);
}

function tensorRef(ref: unknown, layerName: string): string {
  if (Array.isArray(ref) && typeof ref[0] === 'string' && typeof ref[1] === 'number' && typeof ref[2] === 'number') {
    if (ref[2] !== 0) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `layer '${layerName}' reads output ${ref[2]} of '${ref[0]}'; only single-output layers are supported`);
    return key(ref[0], ref[1], ref[2]);
  }
  throw bad(`layer '${layerName}': an inbound reference is not [layer, node, tensor, ...]`);
}

function refList(value: unknown, what: string): { layer: string; node: number; tensor: number }[] {
  if (!Array.isArray(value)) throw bad(`functional model without ${what}`);
  return value.map((ref: unknown) => {
    if (Array.isArray(ref) && typeof ref[0] === 'string' && typeof ref[1] === 'number' && typeof ref[2] === 'number')
      return { layer: ref[0], node: ref[1], tensor: ref[2] };
    throw bad(`${what}: expected [layer, node, tensor] entries`);
  });
}

function missingInput(name: string): never {
  throw bad(`input layer '${name}' is listed in input_layers but not defined`);
}

function bad(message: string): ConversionError {
  return new ConversionError(ConversionErrorCode.BadModelFile, `Keras model config: ${message}`);
}
