import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import type { KerasLayerConverter } from './keras-layer.converter.js';
import { activationLayers } from './layers/activation.layers.js';
import { convLayers } from './layers/conv.layers.js';
import { coreLayers } from './layers/core.layers.js';
import { mergeLayers } from './layers/merge.layers.js';
import { normalizationLayers } from './layers/normalization.layers.js';
import { poolingLayers } from './layers/pooling.layers.js';
import { reshapingLayers } from './layers/reshaping.layers.js';

const converters: Record<string, KerasLayerConverter> = {
  ...convLayers,
  ...poolingLayers,
  ...normalizationLayers,
  ...activationLayers,
  ...coreLayers,
  ...reshapingLayers,
  ...mergeLayers,
};

/** Keras layer class names the converter handles (InputLayer is the graph input itself). */
export const SUPPORTED_KERAS_LAYERS: readonly string[] = ['InputLayer', ...Object.keys(converters)].sort();

export function kerasLayerConverter(className: string, layerName: string): KerasLayerConverter {
  const converter = Object.hasOwn(converters, className) ? converters[className] : undefined;
  if (converter === undefined)
    throw new ConversionError(ConversionErrorCode.UnsupportedLayer, `unsupported Keras layer type '${className}' (layer '${layerName}')`);
  return converter;
}
