import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { attr, type OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import { storedAxis, type NhwcTensor } from './nhwc-tensor.js';

/** Element-wise activations both source formats share. */
export type Activation =
  | { kind: 'linear' }
  | { kind: 'relu' | 'sigmoid' | 'tanh' | 'softplus' | 'softsign' | 'selu' | 'exponential' | 'swish' }
  | { kind: 'elu'; alpha: number }
  | { kind: 'leakyRelu'; alpha: number }
  | { kind: 'clip'; min: number; max: number }
  | { kind: 'hardSigmoid'; alpha: number; beta: number }
  | { kind: 'softmax'; axis: number };

const UNARY_OPS = { relu: 'Relu', sigmoid: 'Sigmoid', tanh: 'Tanh', softplus: 'Softplus', softsign: 'Softsign', selu: 'Selu', exponential: 'Exp' } as const;

export function activation(g: OnnxGraphBuilder, x: NhwcTensor, a: Activation, base: string): NhwcTensor {
  const out = (name: string): NhwcTensor => ({ name, shape: x.shape });
  switch (a.kind) {
    case 'linear':
      return x;
    case 'relu':
    case 'sigmoid':
    case 'tanh':
    case 'softplus':
    case 'softsign':
    case 'selu':
    case 'exponential':
      return out(g.node(UNARY_OPS[a.kind], [x.name], base));
    case 'swish': {
      const sigmoid = g.node('Sigmoid', [x.name], `${base}/sigmoid`);
      return out(g.node('Mul', [x.name, sigmoid], base));
    }
    case 'elu':
      return out(g.node('Elu', [x.name], base, { alpha: attr.float(a.alpha) }));
    case 'leakyRelu':
      return out(g.node('LeakyRelu', [x.name], base, { alpha: attr.float(a.alpha) }));
    case 'hardSigmoid':
      return out(g.node('HardSigmoid', [x.name], base, { alpha: attr.float(a.alpha), beta: attr.float(a.beta) }));
    case 'clip': {
      const min = g.floatConstant(`${base}/min`, [], Float32Array.of(a.min));
      const max = g.floatConstant(`${base}/max`, [], Float32Array.of(a.max));
      return out(g.node('Clip', [x.name, min, max], base));
    }
    case 'softmax':
      return out(g.node('Softmax', [x.name], base, { axis: attr.int(storedAxis(x, a.axis)) }));
  }
}

/** The activation a Keras `activation` string names; an unknown name stops the conversion. */
export function kerasActivation(name: string, where: string): Activation {
  switch (name) {
    case 'linear':
    case 'relu':
    case 'sigmoid':
    case 'tanh':
    case 'softplus':
    case 'softsign':
    case 'selu':
    case 'exponential':
    case 'swish':
      return { kind: name };
    case 'silu':
      return { kind: 'swish' };
    case 'elu':
      return { kind: 'elu', alpha: 1 };
    case 'relu6':
      return { kind: 'clip', min: 0, max: 6 };
    case 'hard_sigmoid':
      // Keras 2's hard_sigmoid: clip(0.2·x + 0.5, 0, 1).
      return { kind: 'hardSigmoid', alpha: 0.2, beta: 0.5 };
    case 'softmax':
      return { kind: 'softmax', axis: -1 };
    default:
      throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${where}: unsupported activation '${name}'`);
  }
}
