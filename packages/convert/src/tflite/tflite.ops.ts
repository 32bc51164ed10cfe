import { activation } from '../nhwc/activation.emitter.js';
import { conv2d, depthwiseConv2d, type ConvOptions } from '../nhwc/conv.emitter.js';
import { dense } from '../nhwc/dense.emitter.js';
import { binary, concat, type BinaryOp } from '../nhwc/elementwise.emitter.js';
import { channelsOf } from '../nhwc/nhwc-tensor.js';
import { pool2d } from '../nhwc/pool.emitter.js';
import { reduceMean } from '../nhwc/reduce.emitter.js';
import { reshape } from '../nhwc/reshape.emitter.js';
import { transposeWeight } from '../weights/weight-tensor.js';
import {
  floatInput,
  fused,
  intInput,
  optionalFloatInput,
  options,
  padding,
  unsupported,
  valueInput,
  type TfliteOpContext,
  type TfliteOpConverter,
} from './tflite-op.converter.js';
import {
  AddOptionsField,
  ConcatenationOptionsField,
  Conv2DOptionsField as C,
  DepthwiseConv2DOptionsField as D,
  FullyConnectedOptionsField,
  LeakyReluOptionsField,
  Pool2DOptionsField as P,
  ReducerOptionsField,
  SoftmaxOptionsField,
} from './tflite-schema.js';

/** CONV_2D: filter [out, kh, kw, in] (OHWI), optional bias, fused activation. */
const conv: TfliteOpConverter = (ctx) => {
  const o = options(ctx);
  const filter = transposeWeight(floatInput(ctx, 1), [1, 2, 3, 0]);
  const opts: ConvOptions = { strides: [o.int32(C.strideH), o.int32(C.strideW)], dilations: [o.int32(C.dilationH, 1), o.int32(C.dilationW, 1)], padding: padding(ctx, o.int8(C.padding)) };
  const bias = optionalFloatInput(ctx, 2);
  if (bias) opts.bias = bias.data;
  return fused(ctx, conv2d(ctx.g, valueInput(ctx, 0), filter, opts, ctx.base), o.int8(C.fusedActivation));
};

/** DEPTHWISE_CONV_2D: filter [1, kh, kw, C·M], output channel c·M + m as TensorFlow's [kh, kw, C, M]. */
const depthwise: TfliteOpConverter = (ctx) => {
  const o = options(ctx);
  const x = valueInput(ctx, 0);
  const filter = floatInput(ctx, 1);
  const [one, kh, kw, cm] = filter.shape;
  const channels = channelsOf(x, ctx.base);
  if (one !== 1 || kh === undefined || kw === undefined || cm === undefined || cm % channels !== 0) throw unsupported(ctx, `a depthwise filter shaped [${filter.shape.join(',')}]`);
  const kernel = { shape: [kh, kw, channels, cm / channels], data: filter.data };
  const opts: ConvOptions = { strides: [o.int32(D.strideH), o.int32(D.strideW)], dilations: [o.int32(D.dilationH, 1), o.int32(D.dilationW, 1)], padding: padding(ctx, o.int8(D.padding)) };
  const bias = optionalFloatInput(ctx, 2);
  if (bias) opts.bias = bias.data;
  return fused(ctx, depthwiseConv2d(ctx.g, x, kernel, opts, ctx.base), o.int8(D.fusedActivation));
};

const pool =
  (kind: 'max' | 'avg'): TfliteOpConverter =>
  (ctx) => {
    const o = options(ctx);
    const y = pool2d(ctx.g, kind, valueInput(ctx, 0), { size: [o.int32(P.filterHeight), o.int32(P.filterWidth)], strides: [o.int32(P.strideH), o.int32(P.strideW)], padding: padding(ctx, o.int8(P.padding)) }, ctx.base);
    return fused(ctx, y, o.int8(P.fusedActivation));
  };

/** FULLY_CONNECTED: weights [out, in]; a higher-rank input is flattened to [batch, in] first, as TFLite does. */
const fullyConnected: TfliteOpConverter = (ctx) => {
  const o = ctx.op.options;
  if (o?.bool(FullyConnectedOptionsField.keepNumDims)) throw unsupported(ctx, 'keep_num_dims');
  if ((o?.int8(FullyConnectedOptionsField.weightsFormat) ?? 0) !== 0) throw unsupported(ctx, 'a shuffled weights format');
  const weights = floatInput(ctx, 1);
  let x = valueInput(ctx, 0);
  if (x.shape.length !== 2) x = reshape(ctx.g, x, [-1, weights.shape[1] ?? -1], `${ctx.base}/flatten`);
  const y = dense(ctx.g, x, weights, optionalFloatInput(ctx, 2)?.data, ctx.base, true);
  return fused(ctx, y, o?.int8(FullyConnectedOptionsField.fusedActivation) ?? 0);
};

const mean: TfliteOpConverter = (ctx) => reduceMean(ctx.g, valueInput(ctx, 0), intInput(ctx, 1), ctx.op.options?.bool(ReducerOptionsField.keepDims) ?? false, ctx.base);

/** RESHAPE: the target from its shape input (or options); the batch stays dynamic. */
const reshapeOp: TfliteOpConverter = (ctx) => {
  const [, ...rest] = intInput(ctx, 1);
  return reshape(ctx.g, valueInput(ctx, 0), [-1, ...rest], ctx.base);
};

const softmax: TfliteOpConverter = (ctx) => {
  const beta = ctx.op.options?.float32(SoftmaxOptionsField.beta, 1) ?? 1;
  if (beta !== 1) throw unsupported(ctx, `softmax beta ${beta}`);
  return activation(ctx.g, valueInput(ctx, 0), { kind: 'softmax', axis: -1 }, ctx.base);
};

/** ADD / SUB / MUL / DIV with broadcasting, either side a value or a constant, then the fused activation. */
const arithmetic =
  (op: BinaryOp): TfliteOpConverter =>
  (ctx) => {
    const side = (i: number) => {
      const index = ctx.op.inputs[i] ?? -1;
      const value = ctx.values.get(index);
      return value ? { tensor: value } : { constant: floatInput(ctx, i) };
    };
    return fused(ctx, binary(ctx.g, op, side(0), side(1), ctx.base), ctx.op.options?.int8(AddOptionsField.fusedActivation) ?? 0);
  };

const concatenation: TfliteOpConverter = (ctx) => {
  const o = options(ctx);
  const values = ctx.op.inputs.map((_, i) => valueInput(ctx, i));
  return fused(ctx, concat(ctx.g, values, o.int32(ConcatenationOptionsField.axis), ctx.base), o.int8(ConcatenationOptionsField.fusedActivation));
};

const unary = (kind: 'relu' | 'sigmoid' | 'tanh'): TfliteOpConverter => (ctx) => activation(ctx.g, valueInput(ctx, 0), { kind }, ctx.base);

/** Converters by TFLite BuiltinOperator value. */
export const TFLITE_OPS: ReadonlyMap<number, TfliteOpConverter> = new Map<number, TfliteOpConverter>([
  [0, arithmetic('Add')],
  [1, pool('avg')],
  [2, concatenation],
  [3, conv],
  [4, depthwise],
  [9, fullyConnected],
  [14, unary('sigmoid')],
  [17, pool('max')],
  [18, arithmetic('Mul')],
  [19, unary('relu')],
  [21, (ctx) => activation(ctx.g, valueInput(ctx, 0), { kind: 'clip', min: 0, max: 6 }, ctx.base)],
  [22, reshapeOp],
  [25, softmax],
  [28, unary('tanh')],
  [40, mean],
  [41, arithmetic('Sub')],
  [42, arithmetic('Div')],
  [98, (ctx) => activation(ctx.g, valueInput(ctx, 0), { kind: 'leakyRelu', alpha: options(ctx).float32(LeakyReluOptionsField.alpha, 0.2) }, ctx.base)],
]);

