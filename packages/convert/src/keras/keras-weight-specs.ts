import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { channelsOf, type NhwcTensor } from '../nhwc/nhwc-tensor.js';
import type { KerasLayerConfig } from './keras-layer-config.js';

/** One weight a layer owns, in the order Keras creates (and saves) it. */
export interface KerasWeightSpec {
  name: string;
  shape: number[];
}

type SpecRule = (c: KerasLayerConfig, inChannels: () => number) => KerasWeightSpec[];

const bias = (c: KerasLayerConfig, n: number): KerasWeightSpec[] => (c.boolean('use_bias', true) ? [{ name: 'bias', shape: [n] }] : []);

const conv: SpecRule = (c, cin) => {
  const [kh, kw] = c.pair('kernel_size');
  const filters = c.number('filters');
  return [{ name: 'kernel', shape: [kh, kw, cin(), filters] }, ...bias(c, filters)];
};

const depthwise: SpecRule = (c, cin) => {
  const [kh, kw] = c.pair('kernel_size');
  const m = c.number('depth_multiplier', 1);
  return [{ name: 'depthwise_kernel', shape: [kh, kw, cin(), m] }, ...bias(c, cin() * m)];
};

const separable: SpecRule = (c, cin) => {
  const [kh, kw] = c.pair('kernel_size');
  const m = c.number('depth_multiplier', 1);
  const filters = c.number('filters');
  return [
    { name: 'depthwise_kernel', shape: [kh, kw, cin(), m] },
    { name: 'pointwise_kernel', shape: [1, 1, cin() * m, filters] },
    ...bias(c, filters),
  ];
};

const batchNorm: SpecRule = (c, cin) => [
  ...(c.boolean('scale', true) ? [{ name: 'gamma', shape: [cin()] }] : []),
  ...(c.boolean('center', true) ? [{ name: 'beta', shape: [cin()] }] : []),
  { name: 'moving_mean', shape: [cin()] },
  { name: 'moving_variance', shape: [cin()] },
];

const dense: SpecRule = (c, cin) => {
  const units = c.number('units');
  return [{ name: 'kernel', shape: [cin(), units] }, ...bias(c, units)];
};

const none: SpecRule = () => [];

const RULES: Record<string, SpecRule> = {
  Conv2D: conv,
  Convolution2D: conv,
  DepthwiseConv2D: depthwise,
  SeparableConv2D: separable,
  SeparableConvolution2D: separable,
  BatchNormalization: batchNorm,
  Dense: dense,
};

/**
 * The weights a layer of this class and config owns, given its input: what a weights-only file must hold for it,
 * in Keras's creation order. Layers without weights give [].
 */
export function kerasWeightSpecs(config: KerasLayerConfig, inputs: readonly NhwcTensor[]): KerasWeightSpec[] {
  const rule = (Object.hasOwn(RULES, config.className) ? RULES[config.className] : undefined) ?? none;
  const inChannels = () => {
    const [x] = inputs;
    if (x === undefined) throw new ConversionError(ConversionErrorCode.BadModelFile, `${config.className} layer '${config.layerName}' has no input`);
    return channelsOf(x, `${config.className} layer '${config.layerName}'`);
  };
  return rule(config, inChannels);
}
