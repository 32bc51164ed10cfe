import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import type { NhwcTensor } from '../nhwc/nhwc-tensor.js';
import type { WeightTensor } from '../weights/weight-tensor.js';
import type { StoredKerasWeight } from './hdf5-weights.reader.js';
import type { KerasLayerConfig } from './keras-layer-config.js';
import type { KerasLayerWeights } from './keras-layer.converter.js';
import type { KerasWeightSource } from './keras-model.converter.js';
import { kerasWeightSpecs } from './keras-weight-specs.js';

const shape = (s: readonly number[]) => `[${s.join(',')}]`;

/**
 * A weights-only file's weights assigned in order: the file's weights (layer_names, then weight_names) to the
 * architecture's weights (its layers in order, each layer's weights in Keras's creation order), one by one, as
 * Keras's own load_weights does by position. Counts and shapes must match exactly; the first that does not stops
 * the conversion, naming the architecture's layer and weight and the file's weight.
 */
export function orderedWeights(file: string, stored: readonly StoredKerasWeight[]): KerasWeightSource {
  let next = 0;
  return {
    forLayer(config: KerasLayerConfig, inputs: readonly NhwcTensor[]): KerasLayerWeights {
      const weights = new Map<string, WeightTensor>();
      for (const spec of kerasWeightSpecs(config, inputs)) {
        const where = `${config.className} layer '${config.layerName}' weight '${spec.name}' ${shape(spec.shape)}`;
        const w = stored[next];
        if (w === undefined)
          throw new ConversionError(ConversionErrorCode.MissingWeight, `${file} has ${stored.length} weights; the architecture needs more: the first without one is ${where}`);
        if (shape(w.tensor.shape) !== shape(spec.shape))
          throw new ConversionError(
            ConversionErrorCode.BadModelFile,
            `${file} does not fit the architecture: ${where} gets weight #${next + 1} '${w.layer}/${w.name}', shaped ${shape(w.tensor.shape)}`,
          );
        weights.set(spec.name, w.tensor);
        next++;
      }
      return weights;
    },
    finish() {
      const w = stored[next];
      if (w !== undefined)
        throw new ConversionError(
          ConversionErrorCode.BadModelFile,
          `${file} has ${stored.length} weights, the architecture uses ${next}: the first left over is #${next + 1} '${w.layer}/${w.name}' ${shape(w.tensor.shape)}`,
        );
    },
  };
}
