import { WIRE_BYTES, type WireField, bytesOf, readFields, textOf, varints, writeFields } from './protobuf-wire.js';

// Field numbers from onnx/onnx.proto.
const MODEL_GRAPH = 7;
const GRAPH = { node: 1, initializer: 5, input: 11, output: 12, valueInfo: 13 } as const;
const NODE = { input: 1, output: 2, opType: 4, attribute: 5 } as const;
const ATTRIBUTE = { name: 1, i: 3, ints: 8 } as const;
const VALUE_INFO_TYPE = 2;
const TYPE_TENSOR = 1;
const TENSOR_TYPE_SHAPE = 2;
const SHAPE_DIM = 1;
const DIM = { value: 1, param: 2 } as const;
const TENSOR = { dims: 1, dataType: 2, int64Data: 7, name: 8, rawData: 9 } as const;
const INT64 = 7;

/** The symbolic name a rewritten batch dimension gets. */
export const BATCH_DIM = 'batch';

/**
 * Ops that treat each item of axis 0 on its own, whatever the batch size, as long as the attribute checks below
 * hold. Anything else (Expand, Tile, Shape arithmetic, control flow, …) might bake in the batch of 1, so a graph
 * using it is left fixed.
 */
const PER_ITEM_OPS = new Set([
  'Conv', 'QLinearConv', 'ConvInteger', 'QuantizeLinear', 'DequantizeLinear', 'DynamicQuantizeLinear', 'PRelu', 'Relu', 'LeakyRelu', 'Elu', 'Selu',
  'Sigmoid', 'HardSigmoid', 'Tanh', 'Clip', 'Add', 'QLinearAdd', 'Sub', 'Mul', 'QLinearMul', 'Div', 'Sqrt', 'Pow', 'Exp', 'Neg', 'Abs',
  'BatchNormalization', 'MaxPool', 'AveragePool', 'GlobalAveragePool', 'GlobalMaxPool', 'QLinearAveragePool', 'QLinearGlobalAveragePool',
  'Identity', 'Dropout', 'Constant', 'Flatten', 'Reshape', 'MatMul', 'QLinearMatMul', 'MatMulInteger', 'Gemm', 'Softmax', 'LogSoftmax',
  'Transpose', 'Concat', 'Pad', 'Cast', 'HardSwish',
]);

export type DynamicBatchResult = { bytes: Uint8Array; changes: string[] } | { refused: string };

interface Node {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, WireField[]>;
}

function parseNode(bytes: Uint8Array): Node {
  const fields = readFields(bytes);
  const attributes = new Map<string, WireField[]>();
  for (const f of fields) if (f.field === NODE.attribute) {
    const attr = readFields(f.bytes as Uint8Array);
    attributes.set(textOf(attr.find((a) => a.field === ATTRIBUTE.name)?.bytes), attr);
  }
  const strings = (n: number) => fields.filter((f) => f.field === n).map((f) => textOf(f.bytes));
  return { op: textOf(fields.find((f) => f.field === NODE.opType)?.bytes), inputs: strings(NODE.input), outputs: strings(NODE.output), attributes };
}

function intAttribute(node: Node, name: string): bigint | undefined {
  const attr = node.attributes.get(name);
  return attr === undefined ? undefined : BigInt.asIntN(64, attr.find((a) => a.field === ATTRIBUTE.i)?.varint ?? 0n);
}

/** Why this node might not treat the batch items independently, or null when it does. */
function perItemProblem(node: Node, initializers: ReadonlySet<string>): string | null {
  if (!PER_ITEM_OPS.has(node.op)) return `op ${node.op} may depend on the batch size`;
  const axis = intAttribute(node, 'axis');
  if (node.op === 'Flatten' && axis !== undefined && axis < 1n) return `Flatten with axis ${axis} folds the batch axis`;
  if ((node.op === 'Concat' || node.op === 'Softmax' || node.op === 'LogSoftmax') && axis !== undefined && axis <= 0n) return `${node.op} on axis ${axis} may run across the batch`;
  if (node.op === 'Concat' && axis === undefined) return 'Concat without an axis';
  if (node.op === 'Transpose') {
    const perm = node.attributes.get('perm');
    if (perm === undefined || varints(perm, ATTRIBUTE.ints)[0] !== 0n) return 'Transpose moves the batch axis';
  }
  if (node.op === 'Gemm' && (intAttribute(node, 'transA') ?? 0n) !== 0n) return 'Gemm with transA reads the batch as columns';
  if (['MatMul', 'QLinearMatMul', 'MatMulInteger', 'Gemm'].includes(node.op) && initializers.has(node.inputs[0] ?? '')) return `${node.op} whose first operand is a constant`;
  return null;
}

/** A Reshape target stored as an int64 initializer, with its dims. */
function int64Values(tensor: WireField[]): bigint[] | undefined {
  if (tensor.find((f) => f.field === TENSOR.dataType)?.varint !== BigInt(INT64)) return undefined;
  const raw = tensor.find((f) => f.field === TENSOR.rawData)?.bytes;
  if (raw !== undefined) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Array.from({ length: raw.byteLength / 8 }, (_, k) => view.getBigInt64(k * 8, true));
  }
  return varints(tensor, TENSOR.int64Data);
}

function withInt64Values(tensor: WireField[], values: readonly bigint[]): WireField[] {
  const raw = new Uint8Array(values.length * 8);
  const view = new DataView(raw.buffer);
  values.forEach((v, k) => view.setBigInt64(k * 8, v, true));
  return [...tensor.filter((f) => f.field !== TENSOR.rawData && f.field !== TENSOR.int64Data), { field: TENSOR.rawData, wire: WIRE_BYTES, bytes: raw }];
}

/** A ValueInfoProto whose first dimension is the fixed 1, with that dimension made symbolic; else undefined. */
function withSymbolicBatch(valueInfo: Uint8Array): Uint8Array | undefined {
  const info = readFields(valueInfo);
  const typeField = info.find((f) => f.field === VALUE_INFO_TYPE);
  if (typeField === undefined) return undefined;
  const type = readFields(typeField.bytes as Uint8Array);
  const tensorField = type.find((f) => f.field === TYPE_TENSOR);
  if (tensorField === undefined) return undefined;
  const tensorType = readFields(tensorField.bytes as Uint8Array);
  const shapeField = tensorType.find((f) => f.field === TENSOR_TYPE_SHAPE);
  if (shapeField === undefined) return undefined;
  const shape = readFields(shapeField.bytes as Uint8Array);
  const first = shape.find((f) => f.field === SHAPE_DIM);
  if (first === undefined || shape.filter((f) => f.field === SHAPE_DIM).length < 2) return undefined;
  const dim = readFields(first.bytes as Uint8Array);
  if (dim.find((f) => f.field === DIM.value)?.varint !== 1n) return undefined;
  const newDim = writeFields([...dim.filter((f) => f.field !== DIM.value), { field: DIM.param, wire: WIRE_BYTES, bytes: bytesOf(BATCH_DIM) }]);
  const replace = (fields: WireField[], target: WireField, bytes: Uint8Array) => writeFields(fields.map((f) => (f === target ? { ...f, bytes } : f)));
  return replace(info, typeField, replace(type, tensorField, replace(tensorType, shapeField, replace(shape, first, newDim))));
}

/**
 * Rewrites an ONNX model whose batch dimension is fixed at 1 so that it takes any batch: the inputs', outputs'
 * and intermediate values' first dimension becomes the symbolic `batch`, and a Reshape to a constant [1, …]
 * becomes [-1, …]. Only done where every op provably treats batch items independently (PER_ITEM_OPS with their
 * attribute checks); otherwise the reason is returned and the graph must be run at its own batch. Every byte
 * that is not rewritten is kept.
 */
export function dynamicBatchGraph(model: Uint8Array): DynamicBatchResult {
  const modelFields = readFields(model);
  const graphField = modelFields.find((f) => f.field === MODEL_GRAPH && f.wire === WIRE_BYTES);
  if (graphField === undefined) return { refused: 'the file has no graph' };
  const graph = readFields(graphField.bytes as Uint8Array);
  const initializers = new Map<string, WireField[]>();
  for (const f of graph) if (f.field === GRAPH.initializer) {
    const tensor = readFields(f.bytes as Uint8Array);
    initializers.set(textOf(tensor.find((t) => t.field === TENSOR.name)?.bytes), tensor);
  }
  const names = new Set(initializers.keys());
  const nodes = graph.filter((f) => f.field === GRAPH.node).map((f) => parseNode(f.bytes as Uint8Array));
  const constants = new Set(nodes.filter((n) => n.op === 'Constant').flatMap((n) => n.outputs));
  const inputName = (f: WireField) => textOf(readFields(f.bytes as Uint8Array).find((v) => v.field === 1)?.bytes);
  const fixedInputs = graph.filter((f) => f.field === GRAPH.input && !names.has(inputName(f)) && withSymbolicBatch(f.bytes as Uint8Array) !== undefined);
  if (fixedInputs.length === 0) return { refused: 'no graph input has a fixed batch of 1' };
  const changes: string[] = [];
  const reshapeTargets = new Set<string>();
  for (const node of nodes) {
    const problem = perItemProblem(node, names);
    if (problem !== null) return { refused: problem };
    if (node.op !== 'Reshape') continue;
    const target = node.inputs[1] ?? '';
    const values = initializers.get(target) && int64Values(initializers.get(target) as WireField[]);
    if (values === undefined) return { refused: `Reshape to "${target}", which is not a constant int64 initializer` };
    const first = values[0];
    if (first === 1n && values.slice(1).includes(-1n)) return { refused: `Reshape to [${values.join(', ')}] fixes the batch and infers another axis` };
    if (first !== 1n && first !== 0n && first !== -1n) return { refused: `Reshape to [${values.join(', ')}] folds the batch axis` };
    if (first === 1n) reshapeTargets.add(target);
  }
  for (const target of reshapeTargets) {
    const users = nodes.filter((n) => n.inputs.includes(target));
    if (users.some((n) => n.op !== 'Reshape' || n.inputs[1] !== target)) return { refused: `the Reshape target "${target}" is used elsewhere too` };
  }
  let rewrittenValues = 0;
  const newGraph = graph.map((f): WireField => {
    if (f.field === GRAPH.initializer) {
      const tensor = readFields(f.bytes as Uint8Array);
      const name = textOf(tensor.find((t) => t.field === TENSOR.name)?.bytes);
      if (!reshapeTargets.has(name)) return f;
      const values = int64Values(tensor) as bigint[];
      changes.push(`Reshape target ${name}: [${values.join(', ')}] → [-1, ${values.slice(1).join(', ')}]`);
      return { ...f, bytes: writeFields(withInt64Values(tensor, [-1n, ...values.slice(1)])) };
    }
    if (f.field !== GRAPH.input && f.field !== GRAPH.output && f.field !== GRAPH.valueInfo) return f;
    const name = inputName(f);
    // Initializers listed as inputs (older IR) and Constant outputs carry no batch.
    if (names.has(name) || constants.has(name)) return f;
    const rewritten = withSymbolicBatch(f.bytes as Uint8Array);
    if (rewritten === undefined) return f;
    if (f.field === GRAPH.valueInfo) rewrittenValues++;
    else changes.push(`${f.field === GRAPH.input ? 'input' : 'output'} ${name}: batch 1 → ${BATCH_DIM}`);
    return { ...f, bytes: rewritten };
  });
  if (rewrittenValues > 0) changes.push(`${rewrittenValues} intermediate value shape(s): batch 1 → ${BATCH_DIM}`);
  const bytes = writeFields(modelFields.map((f) => (f === graphField ? { ...f, bytes: writeFields(newGraph) } : f)));
  return { bytes, changes };
}

