import { attr, type OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import { imageDims, type NhwcTensor } from './nhwc-tensor.js';
import { tfPads, type TfPadding } from './tf-padding.js';

export interface PoolOptions {
  size: readonly [number, number];
  strides: readonly [number, number];
  padding: TfPadding;
}

/** Max or average pooling. TF's average leaves padded cells out of the count, as ONNX's count_include_pad=0 does. */
export function pool2d(g: OnnxGraphBuilder, kind: 'max' | 'avg', x: NhwcTensor, options: PoolOptions, base: string): NhwcTensor {
  const { height, width, channels } = imageDims(x, base);
  const { pads, output } = tfPads([height, width], { kernel: options.size, strides: options.strides, dilations: [1, 1], padding: options.padding });
  const attributes = { kernel_shape: attr.ints(options.size), strides: attr.ints(options.strides), pads: attr.ints(pads) };
  const name =
    kind === 'max'
      ? g.node('MaxPool', [x.name], base, attributes)
      : g.node('AveragePool', [x.name], base, { ...attributes, count_include_pad: attr.int(0) });
  return { name, shape: [null, output[0], output[1], channels] };
}

/** Global pooling over height and width; keepDims leaves [N,1,1,C], else [N,C]. */
export function globalPool2d(g: OnnxGraphBuilder, kind: 'max' | 'avg', x: NhwcTensor, keepDims: boolean, base: string): NhwcTensor {
  const { channels } = imageDims(x, base);
  const pooled = g.node(kind === 'max' ? 'GlobalMaxPool' : 'GlobalAveragePool', [x.name], base);
  if (keepDims) return { name: pooled, shape: [null, 1, 1, channels] };
  return { name: g.node('Flatten', [pooled], `${base}/flatten`, { axis: attr.int(1) }), shape: [null, channels] };
}
