import { activation, kerasActivation } from '../../nhwc/activation.emitter.js';
import { onlyInput, type KerasLayerConverter } from '../keras-layer.converter.js';

const activationLayer: KerasLayerConverter = (ctx) => {
  const c = ctx.config;
  return activation(ctx.g, onlyInput(ctx), kerasActivation(c.string('activation'), `Activation layer '${c.layerName}'`), c.layerName);
};

/** Keras ReLU(max_value, negative_slope, threshold): the combinations ONNX has one op for. */
const reluLayer: KerasLayerConverter = (ctx) => {
  const c = ctx.config;
  const slope = c.number('negative_slope', 0);
  c.require(c.number('threshold', 0) === 0, 'a non-zero threshold');
  const x = onlyInput(ctx);
  if (c.has('max_value')) {
    c.require(slope === 0, 'max_value together with negative_slope');
    return activation(ctx.g, x, { kind: 'clip', min: 0, max: c.number('max_value') }, c.layerName);
  }
  return activation(ctx.g, x, slope === 0 ? { kind: 'relu' } : { kind: 'leakyRelu', alpha: slope }, c.layerName);
};

const leakyReluLayer: KerasLayerConverter = (ctx) =>
  activation(ctx.g, onlyInput(ctx), { kind: 'leakyRelu', alpha: ctx.config.number('alpha', 0.3) }, ctx.config.layerName);

const eluLayer: KerasLayerConverter = (ctx) => activation(ctx.g, onlyInput(ctx), { kind: 'elu', alpha: ctx.config.number('alpha', 1) }, ctx.config.layerName);

const softmaxLayer: KerasLayerConverter = (ctx) => {
  const axis = ctx.config.value('axis') ?? -1;
  ctx.config.require(typeof axis === 'number', `axis ${JSON.stringify(axis)}`);
  return activation(ctx.g, onlyInput(ctx), { kind: 'softmax', axis: axis as number }, ctx.config.layerName);
};

export const activationLayers: Record<string, KerasLayerConverter> = {
  Activation: activationLayer,
  ReLU: reluLayer,
  LeakyReLU: leakyReluLayer,
  ELU: eluLayer,
  Softmax: softmaxLayer,
};
