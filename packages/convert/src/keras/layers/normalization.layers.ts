import { batchNorm } from '../../nhwc/batch-norm.emitter.js';
import { channelsOf } from '../../nhwc/nhwc-tensor.js';
import { onlyInput, type KerasLayerConverter } from '../keras-layer.converter.js';

/** BatchNormalization at inference: moving statistics; gamma/beta are absent when scale/center are off. */
const batchNormalizationLayer: KerasLayerConverter = (ctx) => {
  const c = ctx.config;
  const x = onlyInput(ctx);
  const rank = x.shape.length;
  const axisValue = c.value('axis') ?? -1;
  const axis = Array.isArray(axisValue) && axisValue.length === 1 ? axisValue[0] : axisValue;
  c.require(axis === -1 || axis === rank - 1, `axis ${JSON.stringify(axisValue)} (only the channel axis)`);
  const channels = channelsOf(x, `BatchNormalization layer '${c.layerName}'`);
  const filled = (value: number) => new Float32Array(channels).fill(value);
  return batchNorm(
    ctx.g,
    x,
    {
      gamma: c.boolean('scale', true) ? ctx.weight('gamma').data : filled(1),
      beta: c.boolean('center', true) ? ctx.weight('beta').data : filled(0),
      mean: ctx.weight('moving_mean').data,
      variance: ctx.weight('moving_variance').data,
      epsilon: c.number('epsilon', 1e-3),
    },
    c.layerName,
  );
};

export const normalizationLayers: Record<string, KerasLayerConverter> = {
  BatchNormalization: batchNormalizationLayer,
};
