import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { graphInput, graphOutput } from '../nhwc/layout.emitter.js';
import { OnnxGraphBuilder, type OnnxModelMetadata } from '../onnx/onnx-graph.builder.js';
import type { TfjsWeight } from '../weights/tfjs-weights.reader.js';
import { TfNodeAttrs } from './tf-node-attrs.js';
import type { TfValue } from './tf-op.converter.js';
import { tfOpConverter } from './tf-op.registry.js';
import type { TfNode } from './tfjs-model-json.js';

export interface TfjsGraph {
  nodes: readonly TfNode[];
  /** Output node names (signature outputs, else nodes nothing reads). */
  outputs: readonly string[];
  weights: ReadonlyMap<string, TfjsWeight>;
}

/** A node input reference: "name", "name:1" (output 1) or "^name" (control dependency). */
function parseRef(ref: string): { node: string; output: number; control: boolean } {
  if (ref.startsWith('^')) return { node: ref.slice(1), output: 0, control: true };
  const match = /^(.*):(\d+)$/.exec(ref);
  return match ? { node: match[1] ?? ref, output: Number(match[2]), control: false } : { node: ref, output: 0, control: false };
}

/**
 * Converts a TF.js graph model: Placeholders become channels-last graph inputs (named as in TF), Consts come from
 * the weights, every other node goes through the op registry, reached from the outputs so unused nodes are
 * never converted.
 */
export function convertTfjsGraph(graph: TfjsGraph, metadata: OnnxModelMetadata): Uint8Array {
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const reachable = reachableNodes(graph.outputs, byName);
  // Check every op first, so an unsupported one is reported before any other problem.
  for (const node of reachable) if (node.op !== 'Placeholder' && node.op !== 'Const') tfOpConverter(node.op, node.name);
  const g = new OnnxGraphBuilder();
  for (const name of graph.outputs) g.reserve(name);
  const values = new Map<string, TfValue>();
  for (const node of reachable) values.set(node.name, convertNode(g, node, values, graph.weights));
  for (const name of graph.outputs) {
    const value = values.get(name);
    if (value === undefined || !('tensor' in value)) throw new ConversionError(ConversionErrorCode.BadModelFile, `output '${name}' is not a computed value`);
    graphOutput(g, value.tensor, name);
  }
  return g.toBytes('tfjs_graph', metadata);
}

function convertNode(g: OnnxGraphBuilder, node: TfNode, values: ReadonlyMap<string, TfValue>, weights: ReadonlyMap<string, TfjsWeight>): TfValue {
  if (node.op === 'Placeholder') return { tensor: graphInput(g, node.name, placeholderShape(node)) };
  if (node.op === 'Const') {
    const constant = weights.get(node.name);
    if (constant === undefined) throw new ConversionError(ConversionErrorCode.MissingWeight, `Const node '${node.name}' has no entry in the weights manifest`);
    return { constant };
  }
  const inputs = (node.input ?? []).map(parseRef).filter((r) => !r.control);
  if (inputs.some((r) => r.output !== 0)) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `node '${node.name}' reads a second output of a multi-output op`);
  return tfOpConverter(node.op, node.name)({
    g,
    node,
    attrs: new TfNodeAttrs(node),
    inputs: inputs.map((r) => values.get(r.node) ?? missingNode(r.node, node.name)),
  });
}

/** Nodes the outputs depend on, each after its inputs (iterative DFS: graphs can be deep). */
function reachableNodes(outputs: readonly string[], byName: ReadonlyMap<string, TfNode>): TfNode[] {
  const ordered: TfNode[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: { name: string; expanded: boolean }[] = [...outputs].reverse().map((name) => ({ name, expanded: false }));
  while (stack.length > 0) {
    const top = stack.pop() as { name: string; expanded: boolean };
    const node = byName.get(top.name) ?? missingNode(top.name, 'the outputs');
    if (top.expanded) {
      state.set(top.name, 'done');
      ordered.push(node);
      continue;
    }
    if (state.get(top.name) === 'done') continue;
    if (state.get(top.name) === 'open') throw new ConversionError(ConversionErrorCode.BadModelFile, `the graph has a cycle through '${top.name}'`);
    state.set(top.name, 'open');
    stack.push({ name: top.name, expanded: true });
    for (const ref of [...(node.input ?? [])].reverse()) {
      const { node: dep, control } = parseRef(ref);
      if (!control && state.get(dep) !== 'done') stack.push({ name: dep, expanded: false });
    }
  }
  return ordered;
}

function placeholderShape(node: TfNode): (number | null)[] {
  const dims = node.attr?.['shape']?.shape?.dim;
  if (!dims) throw new ConversionError(ConversionErrorCode.UnsupportedConfig, `Placeholder '${node.name}' has no shape`);
  return dims.map((d) => {
    const size = Number(d.size ?? -1);
    return size < 0 ? null : size;
  });
}

function missingNode(name: string, reader: string): never {
  throw new ConversionError(ConversionErrorCode.BadModelFile, `node '${name}' (read by ${reader}) is not in the graph`);
}
