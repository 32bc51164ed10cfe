import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import type { NhwcTensor } from '../nhwc/nhwc-tensor.js';
import type { OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import type { TfjsWeight } from '../weights/tfjs-weights.reader.js';
import type { WeightTensor } from '../weights/weight-tensor.js';
import type { TfNodeAttrs } from './tf-node-attrs.js';
import type { TfNode } from './tfjs-model-json.js';

/** What a node produces: a graph value, or a constant known at conversion time (weights, axes, shapes). */
export type TfValue = { tensor: NhwcTensor } | { constant: TfjsWeight };

export interface TfOpContext {
  g: OnnxGraphBuilder;
  node: TfNode;
  attrs: TfNodeAttrs;
  inputs: readonly TfValue[];
}

export type TfOpConverter = (ctx: TfOpContext) => TfValue;

function input(ctx: TfOpContext, index: number): TfValue {
  const value = ctx.inputs[index];
  if (value === undefined) throw new ConversionError(ConversionErrorCode.BadModelFile, `${ctx.node.op} node '${ctx.node.name}' has no input ${index}`);
  return value;
}

/** Input `index` as a graph value. */
export function tensorInput(ctx: TfOpContext, index: number): NhwcTensor {
  const value = input(ctx, index);
  if ('tensor' in value) return value.tensor;
  throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${ctx.node.op} node '${ctx.node.name}': input ${index} is a constant where a computed value was expected`);
}

/** Input `index` as a float constant (weights). */
export function floatInput(ctx: TfOpContext, index: number): WeightTensor {
  const value = input(ctx, index);
  if ('constant' in value && value.constant.dtype === 'float32') return value.constant;
  throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${ctx.node.op} node '${ctx.node.name}': input ${index} must be a float constant (weights)`);
}

/** Input `index` as integer constants (axes, shapes). */
export function intInput(ctx: TfOpContext, index: number): number[] {
  const value = input(ctx, index);
  if ('constant' in value && value.constant.dtype === 'int32') return [...value.constant.data];
  throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${ctx.node.op} node '${ctx.node.name}': input ${index} must be an int32 constant`);
}

export const asValue = (tensor: NhwcTensor): TfValue => ({ tensor });
