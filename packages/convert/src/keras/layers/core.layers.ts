import { activation, kerasActivation } from '../../nhwc/activation.emitter.js';
import { dense } from '../../nhwc/dense.emitter.js';
import { onlyInput, type KerasLayerConverter } from '../keras-layer.converter.js';

const denseLayer: KerasLayerConverter = (ctx) => {
  const c = ctx.config;
  const bias = c.boolean('use_bias', true) ? ctx.weight('bias').data : undefined;
  const y = dense(ctx.g, onlyInput(ctx), ctx.weight('kernel'), bias, c.layerName);
  const name = c.string('activation', 'linear');
  return activation(ctx.g, y, kerasActivation(name, `Dense layer '${c.layerName}'`), `${c.layerName}/${name}`);
};

/** Layers that only act while training: at inference they pass their input through. */
const passThrough: KerasLayerConverter = (ctx) => onlyInput(ctx);

export const coreLayers: Record<string, KerasLayerConverter> = {
  Dense: denseLayer,
  Dropout: passThrough,
  SpatialDropout2D: passThrough,
  GaussianNoise: passThrough,
  GaussianDropout: passThrough,
  AlphaDropout: passThrough,
  ActivityRegularization: passThrough,
};
