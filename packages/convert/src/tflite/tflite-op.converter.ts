import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { activation, type Activation } from '../nhwc/activation.emitter.js';
import type { NhwcTensor } from '../nhwc/nhwc-tensor.js';
import type { TfPadding } from '../nhwc/tf-padding.js';
import type { OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import type { WeightTensor } from '../weights/weight-tensor.js';
import type { FlatTable } from './flat-table.js';
import type { TfliteGraph, TfliteOperator, TfliteTensor } from './tflite-model.reader.js';
import { ActivationFunction, builtinOperatorName, Padding, TENSOR_TYPE_NAMES, TensorType } from './tflite-schema.js';

/** What an operator's converter may use; it returns the op's (single) output. */
export interface TfliteOpContext {
  g: OnnxGraphBuilder;
  op: TfliteOperator;
  graph: TfliteGraph;
  /** Base name for the ONNX nodes of this op. */
  base: string;
  /** Computed values by tensor index. */
  values: ReadonlyMap<number, NhwcTensor>;
}

export type TfliteOpConverter = (ctx: TfliteOpContext) => NhwcTensor;

const opName = (ctx: TfliteOpContext) => `${builtinOperatorName(ctx.op.builtin)} (${ctx.base})`;

function tensorAt(ctx: TfliteOpContext, i: number): TfliteTensor | undefined {
  const index = ctx.op.inputs[i];
  return index === undefined || index < 0 ? undefined : ctx.graph.tensors[index];
}

export function unsupported(ctx: TfliteOpContext, what: string): ConversionError {
  return new ConversionError(ConversionErrorCode.UnsupportedConfig, `${opName(ctx)}: ${what} is not supported`);
}

/** Input `i` as a computed value. */
export function valueInput(ctx: TfliteOpContext, i: number): NhwcTensor {
  const t = tensorAt(ctx, i);
  const value = t === undefined ? undefined : ctx.values.get(t.index);
  if (value === undefined) throw unsupported(ctx, `input ${i}${t ? ` '${t.name}'` : ''} as a constant or missing value`);
  return value;
}

/** Input `i` as float32 weights, or undefined when the optional input is omitted (index −1). */
export function optionalFloatInput(ctx: TfliteOpContext, i: number): WeightTensor | undefined {
  const t = tensorAt(ctx, i);
  if (t === undefined) return undefined;
  if (t.data === undefined) throw unsupported(ctx, `a computed value as input ${i} '${t.name}' (weights expected)`);
  if (t.type !== TensorType.FLOAT32 || t.quantized) throw unsupported(ctx, `${TENSOR_TYPE_NAMES[t.type] ?? t.type}${t.quantized ? ' quantized' : ''} weights '${t.name}' (float32 models only)`);
  const bytes = new Uint8Array(t.data); // a copy: the flatbuffer's bytes need not be 4-byte aligned
  return { shape: [...t.shape], data: new Float32Array(bytes.buffer, 0, bytes.length / 4) };
}

export function floatInput(ctx: TfliteOpContext, i: number): WeightTensor {
  const weights = optionalFloatInput(ctx, i);
  if (weights === undefined) throw unsupported(ctx, `an omitted input ${i}`);
  return weights;
}

/** Input `i` as int32 constants (axes, shapes). */
export function intInput(ctx: TfliteOpContext, i: number): number[] {
  const t = tensorAt(ctx, i);
  if (t?.data === undefined || t.type !== TensorType.INT32) throw unsupported(ctx, `input ${i} other than an int32 constant`);
  const view = new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  return Array.from({ length: t.data.byteLength / 4 }, (_, k) => view.getInt32(4 * k, true));
}

export function options(ctx: TfliteOpContext): FlatTable {
  if (ctx.op.options === undefined) throw new ConversionError(ConversionErrorCode.BadModelFile, `${opName(ctx)} has no options`);
  return ctx.op.options;
}

export function padding(ctx: TfliteOpContext, code: number): TfPadding {
  if (code === Padding.SAME) return 'same';
  if (code === Padding.VALID) return 'valid';
  throw unsupported(ctx, `padding ${code}`);
}

/** A fused activation (the ops' fused_activation_function) applied to `y`. */
export function fused(ctx: TfliteOpContext, y: NhwcTensor, code: number): NhwcTensor {
  const a = fusedActivation(ctx, code);
  return a === undefined ? y : activation(ctx.g, y, a, `${ctx.base}/act`);
}

function fusedActivation(ctx: TfliteOpContext, code: number): Activation | undefined {
  switch (code) {
    case ActivationFunction.NONE:
      return undefined;
    case ActivationFunction.RELU:
      return { kind: 'relu' };
    case ActivationFunction.RELU6:
      return { kind: 'clip', min: 0, max: 6 };
    case ActivationFunction.RELU_N1_TO_1:
      return { kind: 'clip', min: -1, max: 1 };
    case ActivationFunction.TANH:
      return { kind: 'tanh' };
    default:
      throw unsupported(ctx, `fused activation ${code}`);
  }
}
