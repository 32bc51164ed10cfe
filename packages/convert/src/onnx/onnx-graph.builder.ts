import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { ONNX_ATTRIBUTE_TYPE, ONNX_DATA_TYPE, onnxModelType } from './onnx-proto.js';

/** ONNX operator set the converters emit (13 is the oldest with Softmax over one axis and Clip min/max inputs). */
export const OPSET = 13;
const IR_VERSION = 8;

export type OnnxAttribute =
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'ints'; value: readonly number[] }
  | { type: 'floats'; value: readonly number[] }
  | { type: 'string'; value: string };

export const attr = {
  int: (value: number): OnnxAttribute => ({ type: 'int', value }),
  float: (value: number): OnnxAttribute => ({ type: 'float', value }),
  ints: (value: readonly number[]): OnnxAttribute => ({ type: 'ints', value }),
  floats: (value: readonly number[]): OnnxAttribute => ({ type: 'floats', value }),
  string: (value: string): OnnxAttribute => ({ type: 'string', value }),
};

/** A graph input or output dimension: a number, or a named symbolic size (the batch). */
export type OnnxDim = number | string;

interface ValueInfo {
  name: string;
  dims: OnnxDim[];
}

export interface OnnxModelMetadata {
  /** Written as doc_string: what was converted. */
  description: string;
  properties: Record<string, string>;
}

/**
 * Collects nodes and initializers in emission order and serializes them as an ONNX ModelProto. Names come
 * from the source model's names plus a counter on collision, and nothing depends on time or randomness, so
 * converting the same file twice gives the same bytes.
 */
export class OnnxGraphBuilder {
  private readonly nodes: object[] = [];
  private readonly initializers: object[] = [];
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private readonly used = new Set<string>();
  private readonly reserved = new Set<string>();

  /** Keeps a name (a graph input or output's) from being handed out by uniqueName. */
  reserve(name: string): void {
    this.reserved.add(name);
  }

  uniqueName(base: string): string {
    const clean = base.replace(/:0$/, '') || 'value';
    let name = clean;
    for (let n = 1; this.used.has(name) || this.reserved.has(name); n++) name = `${clean}_${n}`;
    this.used.add(name);
    return name;
  }

  floatConstant(base: string, dims: readonly number[], data: Float32Array): string {
    return this.constant(base, dims, ONNX_DATA_TYPE.FLOAT, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }

  int64Constant(base: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    const data = BigInt64Array.from(values, (v) => BigInt(v));
    return this.constant(base, dims, ONNX_DATA_TYPE.INT64, new Uint8Array(data.buffer));
  }

  /** Adds a node with one output and returns the output's name (`outputName` if given, else a fresh one). */
  node(opType: string, inputs: readonly string[], base: string, attributes: Record<string, OnnxAttribute> = {}, outputName?: string): string {
    const output = outputName ?? this.uniqueName(base);
    this.nodes.push({
      input: [...inputs],
      output: [output],
      name: this.uniqueName(`${base}/${opType}`),
      op_type: opType,
      attribute: Object.entries(attributes).map(([name, a]) => encodeAttribute(name, a)),
    });
    return output;
  }

  addInput(name: string, dims: readonly OnnxDim[]): void {
    this.used.add(name);
    this.inputs.push({ name, dims: [...dims] });
  }

  addOutput(name: string, dims: readonly OnnxDim[]): void {
    this.outputs.push({ name, dims: [...dims] });
  }

  toBytes(graphName: string, metadata: OnnxModelMetadata): Uint8Array {
    if (this.inputs.length === 0 || this.outputs.length === 0)
      throw new ConversionError(ConversionErrorCode.BadModelFile, 'the converted graph has no inputs or no outputs');
    const type = onnxModelType();
    const model = {
      ir_version: IR_VERSION,
      producer_name: 'ferbench',
      producer_version: '1',
      doc_string: metadata.description,
      opset_import: [{ domain: '', version: OPSET }],
      metadata_props: Object.entries(metadata.properties)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => ({ key, value })),
      graph: {
        name: graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs.map(valueInfo),
        output: this.outputs.map(valueInfo),
      },
    };
    return type.encode(type.fromObject(model)).finish();
  }

  private constant(base: string, dims: readonly number[], dataType: number, bytes: Uint8Array): string {
    const name = this.uniqueName(base);
    // raw_data is little-endian by the ONNX spec; typed arrays are too on every platform Node ships for.
    this.initializers.push({ name, dims: [...dims], data_type: dataType, raw_data: Uint8Array.from(bytes) });
    return name;
  }
}

function encodeAttribute(name: string, a: OnnxAttribute): object {
  switch (a.type) {
    case 'int':
      return { name, type: ONNX_ATTRIBUTE_TYPE.INT, i: a.value };
    case 'float':
      return { name, type: ONNX_ATTRIBUTE_TYPE.FLOAT, f: a.value };
    case 'ints':
      return { name, type: ONNX_ATTRIBUTE_TYPE.INTS, ints: [...a.value] };
    case 'floats':
      return { name, type: ONNX_ATTRIBUTE_TYPE.FLOATS, floats: [...a.value] };
    case 'string':
      return { name, type: ONNX_ATTRIBUTE_TYPE.STRING, s: Buffer.from(a.value, 'utf8') };
  }
}

function valueInfo(v: ValueInfo): object {
  return {
    name: v.name,
    type: {
      tensor_type: {
        elem_type: ONNX_DATA_TYPE.FLOAT,
        shape: { dim: v.dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) },
      },
    },
  };
}
