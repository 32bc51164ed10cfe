import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { graphInput, graphOutput } from '../nhwc/layout.emitter.js';
import type { NhwcTensor } from '../nhwc/nhwc-tensor.js';
import { OnnxGraphBuilder, type OnnxModelMetadata } from '../onnx/onnx-graph.builder.js';
import type { WeightTensor } from '../weights/weight-tensor.js';
import type { KerasLayerConfig } from './keras-layer-config.js';
import type { KerasLayerWeights } from './keras-layer.converter.js';
import { kerasLayerConverter } from './keras-layer.registry.js';
import { parseKerasModelConfig } from './keras-model-config.js';

/** Weights by layer name, whatever file they came from (HDF5 or a TF.js layers model's shards). */
export type KerasWeights = ReadonlyMap<string, KerasLayerWeights>;

/**
 * Where each layer's weights come from, asked once per layer call in model order: by layer name (a full model's
 * file) or assigned in order (a weights-only file, see ordered-weights.ts).
 */
export interface KerasWeightSource {
  forLayer(config: KerasLayerConfig, inputs: readonly NhwcTensor[]): KerasLayerWeights;
  /** After the last layer: a source with weights left over refuses the model. */
  finish?(): void;
}

export const weightsByLayerName = (weights: KerasWeights): KerasWeightSource => ({
  forLayer: (config) => weights.get(config.layerName) ?? new Map<string, WeightTensor>(),
});

/**
 * Converts a Keras 2.x model (its model_config JSON and its weights) to ONNX: channels-last inputs named after
 * the input layers, outputs named after the output layers.
 */
export function convertKerasModel(modelConfig: unknown, weights: KerasWeightSource, metadata: OnnxModelMetadata): Uint8Array {
  const model = parseKerasModelConfig(modelConfig);
  // Check every layer type first, so an unsupported one is reported before any other problem.
  for (const call of model.calls) kerasLayerConverter(call.config.className, call.config.layerName);
  const g = new OnnxGraphBuilder();
  for (const output of model.outputs) g.reserve(output.name);
  const values = new Map<string, NhwcTensor>();
  for (const input of model.inputs) values.set(input.output, graphInput(g, input.name, input.shape));
  for (const call of model.calls) {
    const { className, layerName } = call.config;
    const inputs = call.inputs.map((key) => values.get(key) ?? unreachable(key));
    const layerWeights = weights.forLayer(call.config, inputs);
    const output = kerasLayerConverter(className, layerName)({
      g,
      config: call.config,
      inputs,
      weight: (shortName) =>
        layerWeights.get(shortName) ??
        missing(`${className} layer '${layerName}' has no weight '${shortName}' (found: ${[...layerWeights.keys()].join(', ') || 'none'})`),
    });
    values.set(call.output, output);
  }
  weights.finish?.();
  for (const output of model.outputs) graphOutput(g, values.get(output.value) ?? unreachable(output.value), output.name);
  return g.toBytes(model.name, metadata);
}

function missing(message: string): never {
  throw new ConversionError(ConversionErrorCode.MissingWeight, message);
}

function unreachable(key: string): never {
  throw new ConversionError(ConversionErrorCode.BadModelFile, `Keras model config: no layer produces ${key}`);
}
