import type { InferenceSession } from 'onnxruntime-node';
import { inspectOnnx } from './inspect-onnx.js';

export interface OnnxTensor {
  name: string;
  /** Element type as onnxruntime names it (float32, …); null for a non-tensor value. */
  type: string | null;
  /** Dimensions: a number, or the name of a symbolic one (a dynamic batch, say). */
  shape: (number | string)[];
}

export interface OnnxDescription {
  inputs: OnnxTensor[];
  outputs: OnnxTensor[];
}

function tensors(names: readonly string[], metadata: readonly InferenceSession.ValueMetadata[]): OnnxTensor[] {
  return names.map((name, k) => {
    const meta = metadata[k];
    return meta?.isTensor ? { name, type: meta.type, shape: [...meta.shape] } : { name, type: null, shape: [] };
  });
}

/**
 * A model file's inputs and outputs as plain JSON, so a submission form can prefill the card's tensor names and
 * sizes. Throws what onnxruntime says when it cannot load the file.
 */
export async function describeOnnx(file: string): Promise<OnnxDescription> {
  const graph = await inspectOnnx(file);
  return { inputs: tensors(graph.inputNames, graph.inputMetadata), outputs: tensors(graph.outputNames, graph.outputMetadata) };
}
