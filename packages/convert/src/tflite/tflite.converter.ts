import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConversionError, ConversionErrorCode } from '../conversion-error.js';
import { graphInput, graphOutput } from '../nhwc/layout.emitter.js';
import type { NhwcTensor } from '../nhwc/nhwc-tensor.js';
import { OnnxGraphBuilder } from '../onnx/onnx-graph.builder.js';
import { sourceMetadata } from '../source-metadata.js';
import { readTfliteModel, type TfliteTensor } from './tflite-model.reader.js';
import { builtinOperatorName, TENSOR_TYPE_NAMES, TensorType } from './tflite-schema.js';
import { TFLITE_OPS } from './tflite.ops.js';

/** TFLite builtin ops the converter handles. */
export const SUPPORTED_TFLITE_OPS: readonly string[] = [...TFLITE_OPS.keys()].map(builtinOperatorName).sort();

/**
 * A float32 TFLite flatbuffer to ONNX bytes: inputs and outputs named as in the file, channels-last at the edges
 * like the Keras and TF.js converters, the batch dimension dynamic. Every op is checked before any is converted,
 * so an op the converter lacks is named first.
 */
export async function convertTflite(file: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    throw new ConversionError(ConversionErrorCode.BadModelFile, `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const graph = readTfliteModel(bytes, file);
  graph.operators.forEach((op, i) => {
    if (!TFLITE_OPS.has(op.builtin)) {
      const name = op.custom === undefined ? builtinOperatorName(op.builtin) : `CUSTOM '${op.custom}'`;
      throw new ConversionError(
        ConversionErrorCode.UnsupportedOp,
        `${file}: TFLite op ${name} (operator ${i}) is not supported; supported: ${SUPPORTED_TFLITE_OPS.join(', ')}`,
      );
    }
  });
  const g = new OnnxGraphBuilder();
  const tensor = (i: number): TfliteTensor => graph.tensors[i] ?? bad(`${file}: no tensor ${i}`);
  const outputs = graph.outputs.map(tensor);
  for (const t of outputs) g.reserve(t.name);
  const values = new Map<number, NhwcTensor>();
  for (const t of graph.inputs.map(tensor)) {
    if (t.type !== TensorType.FLOAT32 || t.quantized) bad(`${file}: input '${t.name}' is ${TENSOR_TYPE_NAMES[t.type] ?? t.type}${t.quantized ? ' quantized' : ''} (float32 models only)`);
    values.set(t.index, graphInput(g, t.name, [null, ...t.shape.slice(1)]));
  }
  graph.operators.forEach((op, i) => {
    const [out, ...more] = op.outputs;
    if (out === undefined || more.length > 0) bad(`${file}: operator ${i} (${builtinOperatorName(op.builtin)}) has ${op.outputs.length} outputs (expected 1)`);
    const base = `op${i}_${builtinOperatorName(op.builtin).toLowerCase()}`;
    values.set(out, TFLITE_OPS.get(op.builtin)!({ g, op, graph, base, values }));
  });
  for (const t of outputs) graphOutput(g, values.get(t.index) ?? bad(`${file}: output '${t.name}' is not computed by any op`), t.name);
  return g.toBytes(path.basename(file, path.extname(file)), await sourceMetadata('tflite', [file]));
}

function bad(message: string): never {
  throw new ConversionError(ConversionErrorCode.BadModelFile, message);
}
