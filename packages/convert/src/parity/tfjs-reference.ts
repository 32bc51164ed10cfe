import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';

/** TF.js on its pure-JS CPU backend: the reference the converted models are checked against. */
export async function tfjsCpu(): Promise<typeof tf> {
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}

/** Loads a TF.js model.json and its shards from disk as the artifacts tf.loadGraphModel/loadLayersModel take. */
export async function loadTfjsArtifacts(modelJsonPath: string): Promise<tf.io.ModelArtifacts> {
  const json = JSON.parse(await readFile(modelJsonPath, 'utf8')) as tf.io.ModelJSON;
  const shards = await Promise.all(json.weightsManifest.flatMap((g) => g.paths.map((p) => readFile(path.join(path.dirname(modelJsonPath), p)))));
  const data = Buffer.concat(shards);
  const weightData = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  return tf.io.getModelArtifactsForJSON(json, async (manifest) => [tf.io.getWeightSpecs(manifest), weightData]);
}

/** Runs `predict` over an NHWC batch in chunks (the CPU backend's memory grows with the batch) and concatenates. */
export async function predictInChunks(
  predict: (x: tf.Tensor4D) => tf.Tensor,
  input: Float32Array,
  dims: readonly [number, number, number, number],
  chunk = 50,
): Promise<Float32Array> {
  const [n, h, w, c] = dims;
  const per = h * w * c;
  const parts: Float32Array[] = [];
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start);
    const out = tf.tidy(() => predict(tf.tensor4d(input.subarray(start * per, (start + size) * per), [size, h, w, c])));
    parts.push((await out.data()) as Float32Array);
    out.dispose();
  }
  const result = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    result.set(p, offset);
    offset += p.length;
  }
  return result;
}
