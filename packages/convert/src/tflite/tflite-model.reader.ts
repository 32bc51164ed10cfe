import { ByteBuffer } from 'flatbuffers';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { FlatTable } from './flat-table.js';
import {
  BufferField,
  ModelField,
  OperatorCodeField,
  OperatorField,
  QuantizationField,
  SubGraphField,
  TensorField,
  TFLITE_FILE_IDENTIFIER,
} from './tflite-schema.js';

export interface TfliteTensor {
  index: number;
  name: string;
  shape: number[];
  type: number;
  /** The constant's bytes (little-endian), or undefined for a computed value. */
  data: Uint8Array | undefined;
  quantized: boolean;
}

export interface TfliteOperator {
  /** BuiltinOperator value; CUSTOM (32) ops carry their custom code. */
  builtin: number;
  custom: string | undefined;
  /** Tensor indices; -1 is an omitted optional input. */
  inputs: number[];
  outputs: number[];
  options: FlatTable | undefined;
}

export interface TfliteGraph {
  tensors: TfliteTensor[];
  inputs: number[];
  outputs: number[];
  operators: TfliteOperator[];
}

/** The main subgraph of a TFLite flatbuffer (schema version 3), read through the `flatbuffers` package. */
export function readTfliteModel(bytes: Uint8Array, file: string): TfliteGraph {
  const bb = new ByteBuffer(bytes);
  if (bytes.length < 8 || !bb.__has_identifier(TFLITE_FILE_IDENTIFIER))
    throw new ConversionError(ConversionErrorCode.BadModelFile, `${file} is not a TFLite model (no '${TFLITE_FILE_IDENTIFIER}' file identifier)`);
  const model = FlatTable.root(bb);
  const version = model.uint32(ModelField.version);
  if (version !== 3) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${file}: TFLite schema version ${version} (expected 3)`);
  const buffers = model.tables(ModelField.buffers).map((b) => {
    if (b.has(BufferField.offset))
      throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${file}: buffers stored outside the flatbuffer (a > 2 GB model) are not supported`);
    return b.bytes(BufferField.data);
  });
  const codes = model.tables(ModelField.operatorCodes).map((c) => ({
    // Newer writers put codes ≥ 127 in builtin_code; older ones only fill the deprecated byte.
    builtin: Math.max(c.int8(OperatorCodeField.deprecatedBuiltinCode), c.int32(OperatorCodeField.builtinCode)),
    custom: c.string(OperatorCodeField.customCode),
  }));
  const [graph, ...others] = model.tables(ModelField.subgraphs);
  if (graph === undefined) throw new ConversionError(ConversionErrorCode.BadModelFile, `${file}: no subgraph`);
  if (others.length > 0) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `${file}: ${others.length + 1} subgraphs (control flow) are not supported`);
  const tensors = graph.tables(SubGraphField.tensors).map((t, index): TfliteTensor => {
    const data = buffers[t.uint32(TensorField.buffer)];
    const q = t.table(TensorField.quantization);
    return {
      index,
      name: t.string(TensorField.name) ?? `tensor_${index}`,
      shape: t.int32s(TensorField.shape),
      type: t.int8(TensorField.type),
      data: data !== undefined && data.length > 0 ? data : undefined,
      quantized: q !== undefined && (q.has(QuantizationField.scale) || q.has(QuantizationField.zeroPoint)),
    };
  });
  const operators = graph.tables(SubGraphField.operators).map((op, i): TfliteOperator => {
    const code = codes[op.uint32(OperatorField.opcodeIndex)];
    if (code === undefined) throw new ConversionError(ConversionErrorCode.BadModelFile, `${file}: operator ${i} names a missing operator code`);
    return {
      ...code,
      inputs: op.int32s(OperatorField.inputs),
      outputs: op.int32s(OperatorField.outputs),
      options: op.uint8(OperatorField.builtinOptionsType) !== 0 ? op.table(OperatorField.builtinOptions) : undefined,
    };
  });
  return { tensors, inputs: graph.int32s(SubGraphField.inputs), outputs: graph.int32s(SubGraphField.outputs), operators };
}
