import * as ort from 'onnxruntime-node';

/** Runs an ONNX model (bytes or a path) on one float32 batch and returns its single output. */
export async function predictOnnx(model: Uint8Array | string, input: Float32Array, dims: readonly number[]): Promise<Float32Array> {
  // Two calls because create() has separate overloads for a path and for bytes.
  const session = typeof model === 'string' ? await ort.InferenceSession.create(model) : await ort.InferenceSession.create(model);
  try {
    const [inputName] = session.inputNames;
    const [outputName] = session.outputNames;
    if (inputName === undefined || outputName === undefined) throw new Error('the model has no input or no output');
    const result = await session.run({ [inputName]: new ort.Tensor('float32', input, dims) });
    const output = result[outputName];
    if (output === undefined || !(output.data instanceof Float32Array)) throw new Error(`output ${outputName} is not float32`);
    return output.data;
  } finally {
    await session.release();
  }
}
