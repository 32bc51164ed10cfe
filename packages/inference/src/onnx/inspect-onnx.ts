import * as ort from 'onnxruntime-node';
import type { GraphSignature } from './onnx-card-check.js';

/** The input/output names and shapes an ONNX file declares (a CPU session is opened just to read them). */
export async function inspectOnnx(file: string): Promise<GraphSignature> {
  const session = await ort.InferenceSession.create(file, { executionProviders: ['cpu'] });
  try {
    const { inputNames, outputNames, inputMetadata, outputMetadata } = session;
    return { inputNames, outputNames, inputMetadata, outputMetadata };
  } finally {
    await session.release();
  }
}
